/**
 * "Show edit history" for one cell: every change of its input, newest first, with time, person
 * and before → after. The address is resolved to the cell's identity in the present document,
 * so the history follows the cell through row and column moves.
 */
import { and, desc, eq, lt } from 'drizzle-orm';
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

/** Entries one page lists when the request names no `limit`. */
export const DEFAULT_CELL_HISTORY_PAGE = 100;
/** Most entries one page may list. */
export const MAX_CELL_HISTORY = 1_000;

/** Which page of a cell's history to read: `limit` entries older than `before` (a `next`). */
export interface CellHistoryPage {
	limit: number;
	before: number | null;
}

/** One page of a cell's history, and the cursor of the next (older) page, null at the end. */
export interface CellHistoryResult {
	history: CellHistoryEntry[];
	next: string | null;
}

/**
 * Reads `?limit=` (1–1,000, default 100) and `?before=` (a `next` from an earlier page) from a
 * request's query; a 400 for anything else.
 */
export function parseCellHistoryPage(params: URLSearchParams): CellHistoryPage {
	const limitText = params.get('limit');
	const beforeText = params.get('before');
	let limit = DEFAULT_CELL_HISTORY_PAGE;
	if (limitText !== null) {
		limit = /^\d{1,4}$/.test(limitText) ? Number(limitText) : 0;
		if (limit < 1 || limit > MAX_CELL_HISTORY) {
			throw invalidInput(`limit must be a whole number from 1 to ${MAX_CELL_HISTORY}.`, 'limit');
		}
	}
	let before: number | null = null;
	if (beforeText !== null) {
		before = /^[1-9]\d{0,15}$/.test(beforeText) ? Number(beforeText) : 0;
		if (!Number.isSafeInteger(before) || before < 1) {
			throw invalidInput('before must be the next cursor of an earlier page.', 'before');
		}
	}
	return { limit, before };
}

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

/**
 * One page of the history of the cell at `ref` on `sheet` (the first sheet when omitted), newest
 * first. The page is one backward range scan of the (workbook, sheet, cell, id) index: the id
 * orders changes as they were committed, and a page's `next` is the id its oldest entry had.
 */
export async function readCellHistory(
	who: Requester,
	workbookId: string,
	sheet: string | null,
	ref: string | null,
	page: CellHistoryPage = { limit: DEFAULT_CELL_HISTORY_PAGE, before: null }
): Promise<CellHistoryResult> {
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
	if (!identity.key) return { history: [], next: null };
	await getHistoryService().catchUpThrough(workbookId, identity.lastUpdateId);
	const db = await getDb();
	const rows = await db
		.select({
			id: cellHistory.id,
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
				eq(cellHistory.cellKey, identity.key),
				page.before === null ? undefined : lt(cellHistory.id, page.before)
			)
		)
		.orderBy(desc(cellHistory.id))
		// One more than the page shows tells whether an older page exists.
		.limit(page.limit + 1);
	const shown = rows.slice(0, page.limit);
	return {
		history: shown.map((row) => ({
			at: row.at.toISOString(),
			by: row.userId ? { id: row.userId, name: row.name ?? 'Someone' } : null,
			before: row.before,
			after: row.after
		})),
		next: rows.length > page.limit ? String(shown[shown.length - 1].id) : null
	};
}
