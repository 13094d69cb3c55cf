/**
 * The portfolio: a person's property workbooks (own and shared) with their stored outputs and
 * totals, the combined Schedule E for a tax year, and one workbook's outputs and their choice.
 * Everything is read from the stored outputs (output-store.ts), one row per workbook: nothing
 * is evaluated per request. Stale rows are marked, and their recompute is made sure of.
 */
import { WorkbookError } from '../../core/errors';
import {
	checkOutputChoice,
	SCHEDULE_E_LINES,
	type OutputValue
} from '../../core/published-outputs';
import { computePortfolioTotals, type PortfolioTotals } from '../../core/portfolio-totals';
import { getRoomRegistry } from '../collab/room-registry';
import { AppError, invalidInput } from '../errors';
import { toIdentity, type Requester, type WorkbookRole } from '../workbook-access';
import { normaliseWorkbookReference, type SourceEntry } from '../../core/functions/workbook-ref';
import { resolveWorkbookSources, type ResolvedReference } from './workbook-sources';
import { inRoom } from '../workbook-cells';
import { requireRole } from '../workbooks';
import { getOutputRecompute } from './output-recompute';
import {
	isStale,
	listVisibleOutputs,
	readWorkbookOutputs,
	saveOutputChoice,
	type VisibleOutputs
} from './output-store';

/** The template whose workbooks the portfolio lists. */
export const PROPERTY_TEMPLATE = 'property';

/** One property as the portfolio lists it. */
export interface PortfolioProperty {
	workbookId: string;
	title: string;
	role: WorkbookRole;
	outputs: Record<string, OutputValue>;
	computedAt: string | null;
	/** True when the outputs do not describe the workbook as it is now (or failed). */
	stale: boolean;
	/** Why the last recompute failed, if it did. */
	error: string | null;
}

/** `GET /api/v1/portfolio`. */
export interface Portfolio {
	properties: PortfolioProperty[];
	totals: PortfolioTotals;
}

function staleAndKick(row: Pick<VisibleOutputs, 'workbookId' | 'stored' | 'newestUpdateId'>) {
	const stale = isStale(row.stored, row.newestUpdateId);
	// A row that failed is retried only after the next edit; one that is merely behind (never
	// computed, or computed before a restart) is recomputed now.
	if (stale && !row.stored?.error) getOutputRecompute().ensure(row.workbookId);
	return stale;
}

/** The property workbooks `userId` can see, with their outputs and the portfolio's totals. */
export async function readPortfolio(userId: string): Promise<Portfolio> {
	const rows = await listVisibleOutputs(userId, PROPERTY_TEMPLATE);
	const properties = rows.map((row): PortfolioProperty => ({
		workbookId: row.workbookId,
		title: row.title,
		role: row.role,
		outputs: row.stored?.values ?? {},
		computedAt: row.stored?.computedAt?.toISOString() ?? null,
		stale: staleAndKick(row),
		error: row.stored?.error ?? null
	}));
	return { properties, totals: computePortfolioTotals(properties) };
}

/** `GET /api/v1/portfolio/schedule-e`: one column per property, the lines as rows. */
export interface CombinedScheduleE {
	year: number;
	lines: { line: number; label: string }[];
	properties: {
		workbookId: string;
		title: string;
		stale: boolean;
		lines: Record<string, number>;
	}[];
	total: Record<string, number>;
}

/** Reads `?year=`: a whole year from 1900 to 9999; 400 otherwise. */
export function readTaxYear(value: string | null): number {
	if (value === null || value === '') return new Date().getUTCFullYear();
	const year = Number(value);
	if (!/^\d{4}$/.test(value) || year < 1900) {
		throw invalidInput('year must be a four-digit tax year such as 2026.', 'year');
	}
	return year;
}

/** The combined Schedule E of `userId`'s property workbooks for `year`. */
export async function readCombinedScheduleE(
	userId: string,
	year: number
): Promise<CombinedScheduleE> {
	const rows = await listVisibleOutputs(userId, PROPERTY_TEMPLATE);
	const total: Record<string, number> = {};
	for (const { line } of SCHEDULE_E_LINES) total[line] = 0;
	const properties = rows.map((row) => {
		const source = row.stored?.scheduleE?.[year] ?? {};
		const lines: Record<string, number> = {};
		for (const { line } of SCHEDULE_E_LINES) {
			lines[line] = source[line] ?? 0;
			total[line] = Math.round((total[line] + lines[line]) * 100) / 100;
		}
		return { workbookId: row.workbookId, title: row.title, stale: staleAndKick(row), lines };
	});
	return { year, lines: [...SCHEDULE_E_LINES], properties, total };
}

/** `GET /api/v1/workbooks/:id/outputs`. */
export interface WorkbookOutputs {
	outputs: Record<string, OutputValue>;
	computedAt: string | null;
	stale: boolean;
	/** The names a person chose, or null for the template's defaults. */
	chosen: string[] | null;
}

/** One workbook's published outputs, for anyone who can view it (404 otherwise). */
export async function readPublishedOutputs(
	who: Requester,
	workbookId: string
): Promise<WorkbookOutputs> {
	await requireRole(who, workbookId, 'viewer');
	const row = await readWorkbookOutputs(workbookId);
	if (!row) throw new AppError(404, 'not_found', 'This workbook was not found.');
	return {
		outputs: row.stored?.values ?? {},
		computedAt: row.stored?.computedAt?.toISOString() ?? null,
		stale: staleAndKick(row),
		chosen: row.stored?.chosenNames ?? null
	};
}

/**
 * Chooses the workbook's outputs (owners and editors): `names` lists defined names of the
 * workbook, or is null to return to the template's defaults. Recomputes at once.
 */
export async function choosePublishedOutputs(
	userId: string,
	workbookId: string,
	body: Record<string, unknown>
): Promise<{ names: string[] | null }> {
	await requireRole(userId, workbookId, 'editor');
	if (!('names' in body)) throw invalidInput('Give names: a list of defined names.', 'names');
	let names: string[] | null = null;
	if (body.names !== null) {
		names = await inRoom(() =>
			getRoomRegistry().read(workbookId, (doc) => checkOutputChoice(doc, body.names))
		).catch((error: unknown) => {
			if (error instanceof AppError && error.status === 400) {
				throw new AppError(400, error.code, error.message, 'names');
			}
			if (error instanceof WorkbookError) throw invalidInput(error.message, 'names');
			throw error;
		});
	}
	await saveOutputChoice(workbookId, names);
	getOutputRecompute().schedule(workbookId, 0);
	return { names };
}

/** Most workbook references one `GET …/sources` may ask about. */
export const MAX_SOURCE_REFERENCES = 50;

/**
 * The sources of `workbookId`'s WORKBOOK() calls as `who` may see them (a viewer of the
 * workbook; a share link's guest sees none: every reference is `#REF!`).
 */
export async function readWorkbookSourcesFor(
	who: Requester,
	workbookId: string,
	refs: string[]
): Promise<{ sources: Record<string, SourceEntry>; resolved: ResolvedReference[] }> {
	await requireRole(who, workbookId, 'viewer');
	if (refs.length > MAX_SOURCE_REFERENCES) {
		throw new AppError(413, 'too_many_references', `Ask about at most ${MAX_SOURCE_REFERENCES}.`);
	}
	const normalised = [...new Set(refs.map(normaliseWorkbookReference))].filter(Boolean);
	const identity = toIdentity(who);
	if (!identity.userId) {
		const sources: Record<string, SourceEntry> = {};
		for (const ref of normalised) {
			sources[ref] = { error: 'REF', message: 'Sign in to see other workbooks’ outputs.' };
		}
		return { sources, resolved: [] };
	}
	const { sources, resolved } = await resolveWorkbookSources(
		identity.userId,
		workbookId,
		normalised
	);
	return { sources, resolved };
}
