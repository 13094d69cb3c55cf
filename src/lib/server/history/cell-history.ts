/**
 * "Show edit history" for one cell: every change of its input, newest first, with time, person
 * and before → after. The address is resolved to the cell's identity in the present document,
 * so the history follows the cell through row and column moves.
 */
import { and, desc, eq } from 'drizzle-orm';
import type * as Y from 'yjs';
import { parseCellAddress } from '../../core/addresses';
import { cellKey } from '../../core/document';
import { axisOf, listSheetEntries, requireSheet } from '../../core/document-view';
import { getRoomRegistry } from '../collab/room-registry';
import { getDb } from '../db';
import { cellHistory, user } from '../db/schema';
import { invalidInput } from '../errors';
import { inRoom } from '../workbook-cells';
import type { Requester } from '../workbook-access';
import { getHistoryService } from './history-service';
import { requireHistoryRole } from './version-access';

/** Most entries one answer lists (the newest). */
export const MAX_CELL_HISTORY = 1_000;

/** One change of a cell's input. */
export interface CellHistoryEntry {
	at: string;
	by: { id: string; name: string } | null;
	before: string;
	after: string;
}

interface CellIdentity {
	sheetId: string;
	key: string | null;
	/** The newest committed update the document holds. */
	lastUpdateId: number;
}

/** The identity of the cell at `ref` on `sheet` (the first sheet when null); key null past the grid. */
function identify(doc: Y.Doc, sheet: string | null, ref: string) {
	const entry = sheet === null ? listSheetEntries(doc)[0] : requireSheet(doc, sheet);
	const position = parseCellAddress(ref.replace(/\$/g, '').toUpperCase());
	const rowId = axisOf(doc, entry, 'rows').ids[position.row];
	const colId = axisOf(doc, entry, 'cols').ids[position.col];
	return { sheetId: entry.id, key: rowId && colId ? cellKey(rowId, colId) : null };
}

/** The history of the cell at `ref` on `sheet` (the first sheet when omitted), newest first. */
export async function readCellHistory(
	who: Requester,
	workbookId: string,
	sheet: string | null,
	ref: string | null
): Promise<CellHistoryEntry[]> {
	if (!ref) throw invalidInput('Give the cell as ref, such as B3.', 'ref');
	await requireHistoryRole(who, workbookId, 'viewer');
	const registry = getRoomRegistry();
	const identity = await inRoom(() =>
		registry.withRoom(workbookId, async (room) => {
			if (!room) return null;
			const value = await registry.pipeline.submit<CellIdentity>({
				kind: 'read',
				room,
				read: (current) => ({
					...identify(current.doc, sheet, ref),
					lastUpdateId: current.lastUpdateId
				})
			});
			return { value };
		})
	);
	if (!identity.key) return [];
	await getHistoryService().catchUpThrough(workbookId, identity.lastUpdateId);
	const db = await getDb();
	const rows = await db
		.select({
			at: cellHistory.at,
			userId: cellHistory.userId,
			name: user.name,
			before: cellHistory.before,
			after: cellHistory.after
		})
		.from(cellHistory)
		.leftJoin(user, eq(user.id, cellHistory.userId))
		.where(
			and(
				eq(cellHistory.workbookId, workbookId),
				eq(cellHistory.sheetId, identity.sheetId),
				eq(cellHistory.cellKey, identity.key)
			)
		)
		.orderBy(desc(cellHistory.id))
		.limit(MAX_CELL_HISTORY);
	return rows.map((row) => ({
		at: row.at.toISOString(),
		by: row.userId ? { id: row.userId, name: row.name ?? 'Someone' } : null,
		before: row.before,
		after: row.after
	}));
}
