/**
 * "Show changes" and "Restore": the cell inputs that differ between a version and the present
 * (or the version before it), with who last changed each (from cell history), and writing a
 * version's inputs back as a new change on top of the present, after cutting "Before restore".
 */
import { and, desc, eq, gt, lte } from 'drizzle-orm';
import { tryParseCellAddress } from '../../core/addresses';
import { listSheetEntries, sheetById } from '../../core/document-view';
import type { CellInput } from '../../core/document';
import { getRoomRegistry } from '../collab/room-registry';
import { getDb } from '../db';
import { cellHistory, user } from '../db/schema';
import { invalidInput, notFound } from '../errors';
import { inRoom } from '../workbook-cells';
import type { Requester } from '../workbook-access';
import { readCurrentParts } from './current-state';
import { getHistoryService } from './history-service';
import { runStatelessTask } from '../evaluation/run-stateless';
import { readChain, readPreviousVersion } from './history-store';
import { EMPTY_UPDATE } from './history-tasks';
import { requireHistoryRole } from './version-access';
import { requireVersionChain } from './versions';

/** One changed cell as the API lists it. */
export interface CellChange {
	sheet: string;
	ref: string;
	before: string;
	after: string;
	by: { id: string; name: string } | null;
}

/**
 * The cells that differ from version `versionId` to the present (`against=current`, the
 * default) or from the version before it to it (`previous`), sheet by sheet in reading order.
 */
export async function listVersionChanges(
	who: Requester,
	workbookId: string,
	versionId: string,
	against: string | null
): Promise<CellChange[]> {
	const mode = against ?? 'current';
	if (mode !== 'current' && mode !== 'previous') {
		throw invalidInput('against must be "current" or "previous".', 'against');
	}
	await requireHistoryRole(who, workbookId, 'viewer');
	await getHistoryService().catchUp(workbookId);
	const { version, parts } = await requireVersionChain(workbookId, versionId);
	let from = parts;
	let to: Uint8Array[];
	let span: [number, number];
	if (mode === 'current') {
		const current = await readCurrentParts(workbookId);
		to = current.parts;
		span = [version.throughUpdateId, current.throughUpdateId];
	} else {
		const previous = await readPreviousVersion(workbookId, version.seq);
		from = previous ? await readChain(previous) : [EMPTY_UPDATE];
		to = parts;
		span = [previous?.throughUpdateId ?? 0, version.throughUpdateId];
	}
	const differences = await runStatelessTask({ kind: 'version-diff', from, to });
	const editors = await readLastEditors(workbookId, span[0], span[1]);
	return differences
		.map((difference) => ({
			sheet: difference.sheet,
			ref: difference.ref,
			before: difference.before,
			after: difference.after,
			by: editors.get(`${difference.sheetId}|${difference.cellKey}`) ?? null
		}))
		.sort(inReadingOrder);
}

function inReadingOrder(a: CellChange, b: CellChange): number {
	if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
	const pa = tryParseCellAddress(a.ref);
	const pb = tryParseCellAddress(b.ref);
	return (pa?.row ?? 0) - (pb?.row ?? 0) || (pa?.col ?? 0) - (pb?.col ?? 0);
}

/** Who last changed each cell (`sheetId|cellKey`) in updates (after, through]. */
async function readLastEditors(
	workbookId: string,
	after: number,
	through: number
): Promise<Map<string, { id: string; name: string }>> {
	if (through <= after) return new Map();
	const db = await getDb();
	const rows = await db
		.selectDistinctOn([cellHistory.sheetId, cellHistory.cellKey], {
			sheetId: cellHistory.sheetId,
			cellKey: cellHistory.cellKey,
			userId: cellHistory.userId,
			name: user.name
		})
		.from(cellHistory)
		.leftJoin(user, eq(user.id, cellHistory.userId))
		.where(
			and(
				eq(cellHistory.workbookId, workbookId),
				gt(cellHistory.updateId, after),
				lte(cellHistory.updateId, through)
			)
		)
		.orderBy(cellHistory.sheetId, cellHistory.cellKey, desc(cellHistory.id));
	const editors = new Map<string, { id: string; name: string }>();
	for (const row of rows) {
		if (row.userId) {
			editors.set(`${row.sheetId}|${row.cellKey}`, { id: row.userId, name: row.name ?? 'Someone' });
		}
	}
	return editors;
}

/** What a restore did. */
export interface RestoreResult {
	restored: number;
	/** The automatic version cut just before, holding the present as it was. */
	beforeRestoreVersionId: string;
}

/**
 * Writes version `versionId`'s cell inputs over the present, all of them or those of `range` on
 * `sheet` (the first sheet when only a range is given), as one new change by `userId`: committed
 * and relayed live like any edit, and undone by restoring "Before restore". Cells whose row or
 * column no longer exists stay as they are (editor).
 */
export async function restoreVersion(
	userId: string,
	workbookId: string,
	versionId: string,
	body: Record<string, unknown>
): Promise<RestoreResult> {
	const { sheet, range } = body;
	if (sheet !== undefined && typeof sheet !== 'string') {
		throw invalidInput('sheet must be a sheet name.', 'sheet');
	}
	if (range !== undefined && (typeof range !== 'string' || range === '')) {
		throw invalidInput('range must be a range such as A1:D20.', 'range');
	}
	await requireHistoryRole(userId, workbookId, 'editor');
	const { parts } = await requireVersionChain(workbookId, versionId);
	const current = await readCurrentParts(workbookId);
	const scope =
		sheet === undefined && range === undefined
			? undefined
			: { sheet: sheet ?? (await firstSheetName(workbookId)), range };
	// Checked before anything is cut or written: a bad sheet or range changes nothing.
	const differences = await runStatelessTask({
		kind: 'version-diff',
		from: current.parts,
		to: parts,
		scope
	});
	const before = await getHistoryService().cutNow(workbookId, 'auto', 'Before restore');
	if (!before) throw notFound('This workbook');
	const writable = differences.filter((difference) => difference.fromRef !== null);
	const restored = await inRoom(() =>
		getRoomRegistry().mutate(workbookId, userId, (doc) => {
			let count = 0;
			for (const difference of writable) {
				const target = sheetById(doc, difference.sheetId);
				if (!target) continue;
				if (difference.afterInput === null) target.cells.delete(difference.cellKey);
				else target.cells.set(difference.cellKey, difference.afterInput as CellInput);
				count++;
			}
			return count;
		})
	);
	return { restored, beforeRestoreVersionId: before.id };
}

async function firstSheetName(workbookId: string): Promise<string> {
	return inRoom(() =>
		getRoomRegistry().read(workbookId, (doc) => listSheetEntries(doc)[0]?.name ?? '')
	);
}
