/**
 * What WORKBOOK() may read, resolved on the server: for each workbook reference (an id or an
 * exact title, normalised) the published outputs of the workbook it names — only among the
 * workbooks `userId` is a member of, so a value never reaches someone who cannot view it — or
 * `#REF!` (none, ambiguous, or not viewable: the same message, so nothing is learnt) or `#CYCLE!`
 * when the source's outputs depend, through its own WORKBOOK() calls, on the workbook asking.
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { SourceEntry } from '../../core/functions/workbook-ref';
import type { OutputValue } from '../../core/published-outputs';
import { getDb } from '../db';
import { workbook, workbookMember, workbookOutput } from '../db/schema';

/** One reference a workbook's WORKBOOK() calls make, with the workbook it resolved to. */
export interface ResolvedReference {
	ref: string;
	id: string | null;
}

/** How deep the cycle check follows references (longer chains are refused as cycles). */
const MAX_CHAIN = 32;

/**
 * Resolves `references` (normalised) for the workbook `selfId` as `userId` may see them.
 * Returns the sources for the evaluation and which workbook each reference named.
 */
export async function resolveWorkbookSources(
	userId: string,
	selfId: string,
	references: readonly string[]
): Promise<{
	sources: Record<string, SourceEntry>;
	resolved: ResolvedReference[];
	/** Sources whose outputs were never computed (to compute now). */
	pending: string[];
}> {
	const sources: Record<string, SourceEntry> = {};
	const resolved: ResolvedReference[] = [];
	const pending: string[] = [];
	if (references.length === 0) return { sources, resolved, pending };
	const db = await getDb();
	const candidates = await db
		.select({
			id: workbook.id,
			title: workbook.title,
			values: workbookOutput.values,
			references: workbookOutput.references,
			computedAt: workbookOutput.computedAt
		})
		.from(workbookMember)
		.innerJoin(workbook, eq(workbook.id, workbookMember.workbookId))
		.leftJoin(workbookOutput, eq(workbookOutput.workbookId, workbook.id))
		.where(
			and(
				eq(workbookMember.userId, userId),
				or(
					inArray(workbook.id, [...references]),
					inArray(sql`lower(${workbook.title})`, [...references])
				)
			)
		);
	for (const ref of references) {
		const byId = candidates.find((candidate) => candidate.id === ref);
		const byTitle = candidates.filter((candidate) => candidate.title.toLowerCase() === ref);
		const match = byId ?? (byTitle.length === 1 ? byTitle[0] : undefined);
		if (!match) {
			sources[ref] = {
				error: 'REF',
				message:
					byTitle.length > 1
						? `Several workbooks you can view are called "${ref}": use the workbook's id.`
						: `No workbook you can view has the id or title "${ref}".`
			};
			resolved.push({ ref, id: null });
			continue;
		}
		resolved.push({ ref, id: match.id });
		const chain = referencedIds(match.references);
		if (match.id === selfId || (await reaches(chain, selfId))) {
			sources[ref] = {
				error: 'CYCLE',
				message: `"${match.title}" depends on this workbook's outputs, so it cannot be used here.`
			};
			continue;
		}
		// Never computed yet: WORKBOOK() waits (#N/A) and the source is computed first; its
		// outputs then bring this workbook round again (it is among its dependents).
		if (!match.computedAt) pending.push(match.id);
		else sources[ref] = { outputs: (match.values as Record<string, OutputValue> | null) ?? {} };
	}
	return { sources, resolved, pending };
}

function referencedIds(stored: unknown): string[] {
	if (!Array.isArray(stored)) return [];
	return stored
		.map((entry) => (entry as Partial<ResolvedReference>)?.id)
		.filter((id): id is string => typeof id === 'string');
}

/** True when following stored references from `start` reaches `target`. */
async function reaches(start: string[], target: string): Promise<boolean> {
	const db = await getDb();
	const seen = new Set<string>();
	let frontier = start.filter((id) => !seen.has(id));
	for (let depth = 0; frontier.length > 0; depth++) {
		if (frontier.includes(target) || depth >= MAX_CHAIN) return true;
		frontier.forEach((id) => seen.add(id));
		const rows = await db
			.select({ references: workbookOutput.references })
			.from(workbookOutput)
			.where(inArray(workbookOutput.workbookId, frontier));
		frontier = [...new Set(rows.flatMap((row) => referencedIds(row.references)))].filter(
			(id) => !seen.has(id)
		);
	}
	return false;
}

/** The workbooks whose stored WORKBOOK() references name `workbookId`. */
export async function listDependentWorkbooks(workbookId: string): Promise<string[]> {
	const db = await getDb();
	const rows = await db
		.select({ id: workbookOutput.workbookId })
		.from(workbookOutput)
		.where(sql`${workbookOutput.references} @> ${JSON.stringify([{ id: workbookId }])}::jsonb`);
	return rows.map((row) => row.id);
}
