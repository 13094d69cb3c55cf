/**
 * The version API: list, name, rename, and read a version's cells and names as they were
 * (evaluated on the evaluation workers from the version's own document).
 */
import { invalidInput, notFound } from '../errors';
import type { CellsReading, ChartReading } from '../evaluation/evaluation-tasks';
import type { NameReading } from '../../core/workbook-api';
import type { Requester } from '../workbook-access';
import { getHistoryService } from './history-service';
import { runStatelessTask } from '../evaluation/run-stateless';
import {
	listVersionRows,
	readChain,
	readUserNames,
	readVersion,
	renameVersion
} from './history-store';
import { requireHistoryRole } from './version-access';

/** Longest name a version may have. */
export const MAX_VERSION_NAME_LENGTH = 100;

/** A version as the API lists it. */
export interface VersionView {
	id: string;
	name: string | null;
	kind: 'auto' | 'named';
	createdAt: string;
	editors: { id: string; name: string }[];
	/** Bytes the version stores (its change, or the whole document for a keyframe). */
	bytes: number;
}

function readName(value: unknown): string {
	const name = typeof value === 'string' ? value.trim() : '';
	if (!name) throw invalidInput('Give the version a name such as "Q3 close".', 'name');
	if (name.length > MAX_VERSION_NAME_LENGTH) {
		throw invalidInput(
			`A version name can be at most ${MAX_VERSION_NAME_LENGTH} characters.`,
			'name'
		);
	}
	return name;
}

/** The workbook's versions, newest first, after digesting what was committed (viewer). */
export async function listVersions(who: Requester, workbookId: string): Promise<VersionView[]> {
	await requireHistoryRole(who, workbookId, 'viewer');
	await getHistoryService().catchUp(workbookId);
	const rows = await listVersionRows(workbookId);
	const names = await readUserNames([...new Set(rows.flatMap((row) => row.editors))]);
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		kind: row.kind === 'named' ? 'named' : 'auto',
		createdAt: row.createdAt.toISOString(),
		editors: row.editors.map((id) => ({ id, name: names.get(id) ?? 'Someone' })),
		bytes: row.bytes
	}));
}

/**
 * Cuts a version of the workbook as it is now: named (kept forever), or with `kind: "auto"` an
 * automatic one with a label, thinned like the others (the editor's "Before restore") (editor).
 */
export async function createNamedVersion(
	userId: string,
	workbookId: string,
	body: Record<string, unknown>
): Promise<VersionView> {
	const name = readName(body.name);
	const kind = body.kind ?? 'named';
	if (kind !== 'named' && kind !== 'auto') {
		throw invalidInput('kind must be "named" (kept forever) or "auto".', 'kind');
	}
	await requireHistoryRole(userId, workbookId, 'editor');
	const version = await getHistoryService().cutNow(workbookId, kind, name);
	if (!version) throw notFound('This workbook');
	return requireView(workbookId, version.id);
}

/** Renames a version; naming an automatic version keeps it (editor). */
export async function renameWorkbookVersion(
	userId: string,
	workbookId: string,
	versionId: string,
	body: Record<string, unknown>
): Promise<VersionView> {
	const name = readName(body.name);
	await requireHistoryRole(userId, workbookId, 'editor');
	if (!(await renameVersion(workbookId, versionId, name))) throw notFound('This version');
	return requireView(workbookId, versionId);
}

async function requireView(workbookId: string, versionId: string): Promise<VersionView> {
	const found = (await listVersionRows(workbookId)).find((row) => row.id === versionId);
	if (!found) throw notFound('This version');
	const names = await readUserNames(found.editors);
	return {
		id: found.id,
		name: found.name,
		kind: found.kind === 'named' ? 'named' : 'auto',
		createdAt: found.createdAt.toISOString(),
		editors: found.editors.map((id) => ({ id, name: names.get(id) ?? 'Someone' })),
		bytes: found.bytes
	};
}

/** The chain that makes the version's document; 404 when it is not the workbook's. */
export async function requireVersionChain(workbookId: string, versionId: string) {
	const version = await readVersion(workbookId, versionId);
	if (!version) throw notFound('This version');
	return { version, parts: await readChain(version) };
}

/** `range` of `sheet` as the version had it, with values computed then (viewer or pinned link). */
export async function readVersionCells(
	who: Requester,
	workbookId: string,
	versionId: string,
	sheet: string | null,
	range: string | null
): Promise<CellsReading> {
	await requireHistoryRole(who, workbookId, 'viewer', versionId);
	if (!range) throw invalidInput('Give a range such as A1:D20.', 'range');
	const { parts } = await requireVersionChain(workbookId, versionId);
	return (await runStatelessTask({
		kind: 'version-read',
		versionId,
		parts,
		read: { kind: 'cells', sheet, range }
	})) as CellsReading;
}

/** The version's defined names and their values then (viewer or pinned link). */
export async function readVersionNames(
	who: Requester,
	workbookId: string,
	versionId: string
): Promise<NameReading[]> {
	await requireHistoryRole(who, workbookId, 'viewer', versionId);
	const { parts } = await requireVersionChain(workbookId, versionId);
	return (await runStatelessTask({
		kind: 'version-read',
		versionId,
		parts,
		read: { kind: 'names' }
	})) as NameReading[];
}

/** The version's charts with the data they drew then (viewer or pinned link). */
export async function readVersionCharts(
	who: Requester,
	workbookId: string,
	versionId: string
): Promise<ChartReading[]> {
	await requireHistoryRole(who, workbookId, 'viewer', versionId);
	const { parts } = await requireVersionChain(workbookId, versionId);
	return (await runStatelessTask({
		kind: 'version-read',
		versionId,
		parts,
		read: { kind: 'charts' }
	})) as ChartReading[];
}

/**
 * The version's whole document as one Yjs update, for the browser to show it read-only in the
 * grid (computing its values itself, as for the live workbook) (viewer or pinned link).
 */
export async function readVersionState(
	who: Requester,
	workbookId: string,
	versionId: string
): Promise<Uint8Array> {
	await requireHistoryRole(who, workbookId, 'viewer', versionId);
	const { parts } = await requireVersionChain(workbookId, versionId);
	return runStatelessTask({ kind: 'history-merge', mode: 'state', parts });
}
