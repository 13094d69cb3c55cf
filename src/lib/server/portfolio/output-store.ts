/**
 * The `workbook_output` table: each workbook's published outputs as last computed, with the
 * document clock (update id) they belong to, and the names a person chose. Reads for the
 * dashboard are one row per visible workbook (one query), never an evaluation.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { OutputValue, ScheduleEByYear } from '../../core/published-outputs';
import { getDb } from '../db';
import {
	documentSnapshot,
	documentUpdate,
	workbook,
	workbookMember,
	workbookOutput
} from '../db/schema';
import type { WorkbookRole } from '../workbook-access';
import type { ResolvedReference } from './workbook-sources';

/** A workbook's stored outputs. */
export interface StoredOutputs {
	chosenNames: string[] | null;
	values: Record<string, OutputValue>;
	scheduleE: ScheduleEByYear | null;
	references: ResolvedReference[];
	throughUpdateId: number;
	computedAt: Date | null;
	chosenAt: Date | null;
	error: string | null;
}

/** A workbook someone can see, with its stored outputs (null when never computed). */
export interface VisibleOutputs {
	workbookId: string;
	title: string;
	role: WorkbookRole;
	template: string | null;
	ownerId: string;
	/** The workbook's newest update id: outputs through an older one are stale. */
	newestUpdateId: number;
	stored: StoredOutputs | null;
}

/**
 * The workbook's newest update id: its newest logged update, else what its snapshot covers.
 * The log's (workbook_id, id) index answers it without reading the log.
 */
const newestUpdateId = sql<number>`coalesce(
	(select u.id from ${documentUpdate} u where u.workbook_id = ${workbook.id} order by u.id desc limit 1),
	(select s.through_update_id from ${documentSnapshot} s where s.workbook_id = ${workbook.id}),
	0)`.mapWith(Number);

const storedColumns = {
	chosenNames: workbookOutput.chosenNames,
	values: workbookOutput.values,
	scheduleE: workbookOutput.scheduleE,
	references: workbookOutput.references,
	throughUpdateId: workbookOutput.throughUpdateId,
	computedAt: workbookOutput.computedAt,
	chosenAt: workbookOutput.chosenAt,
	error: workbookOutput.error
};

type StoredRow = { [K in keyof typeof storedColumns]: unknown } & { present: string | null };

function toStored(row: StoredRow): StoredOutputs | null {
	if (!row.present) return null;
	return {
		chosenNames: (row.chosenNames as string[] | null) ?? null,
		values: (row.values as Record<string, OutputValue>) ?? {},
		scheduleE: (row.scheduleE as ScheduleEByYear | null) ?? null,
		references: (row.references as ResolvedReference[]) ?? [],
		throughUpdateId: Number(row.throughUpdateId),
		computedAt: (row.computedAt as Date | null) ?? null,
		chosenAt: (row.chosenAt as Date | null) ?? null,
		error: (row.error as string | null) ?? null
	};
}

/**
 * The workbooks `userId` is a member of (owner, editor or viewer), with their outputs; only
 * those made from `template` when it is given. One query.
 */
export async function listVisibleOutputs(
	userId: string,
	template?: string
): Promise<VisibleOutputs[]> {
	const db = await getDb();
	const rows = await db
		.select({
			workbookId: workbook.id,
			title: workbook.title,
			role: workbookMember.role,
			template: workbook.template,
			ownerId: workbook.ownerId,
			newestUpdateId,
			present: workbookOutput.workbookId,
			...storedColumns
		})
		.from(workbookMember)
		.innerJoin(workbook, eq(workbook.id, workbookMember.workbookId))
		.leftJoin(workbookOutput, eq(workbookOutput.workbookId, workbook.id))
		.where(
			template
				? and(eq(workbookMember.userId, userId), eq(workbook.template, template))
				: eq(workbookMember.userId, userId)
		)
		.orderBy(workbook.title, workbook.id);
	return rows.map((row) => ({
		workbookId: row.workbookId,
		title: row.title,
		role: row.role as WorkbookRole,
		template: row.template,
		ownerId: row.ownerId,
		newestUpdateId: row.newestUpdateId,
		stored: toStored(row)
	}));
}

/** One workbook's template, owner, newest update id and stored outputs; null if it is gone. */
export async function readWorkbookOutputs(
	workbookId: string
): Promise<Omit<VisibleOutputs, 'role'> | null> {
	const db = await getDb();
	const [row] = await db
		.select({
			workbookId: workbook.id,
			title: workbook.title,
			template: workbook.template,
			ownerId: workbook.ownerId,
			newestUpdateId,
			present: workbookOutput.workbookId,
			...storedColumns
		})
		.from(workbook)
		.leftJoin(workbookOutput, eq(workbookOutput.workbookId, workbook.id))
		.where(eq(workbook.id, workbookId))
		.limit(1);
	if (!row) return null;
	return {
		workbookId: row.workbookId,
		title: row.title,
		template: row.template,
		ownerId: row.ownerId,
		newestUpdateId: row.newestUpdateId,
		stored: toStored(row)
	};
}

/** True when stored outputs do not (or no longer) describe the workbook's document. */
export function isStale(stored: StoredOutputs | null, newest: number): boolean {
	if (!stored?.computedAt) return true;
	if (stored.error) return true;
	if (stored.chosenAt && stored.chosenAt > stored.computedAt) return true;
	return stored.throughUpdateId < newest;
}

/** Stores a recompute's result for the document through update `throughUpdateId`. */
export async function saveComputedOutputs(
	workbookId: string,
	result: {
		values: Record<string, OutputValue>;
		scheduleE: ScheduleEByYear | null;
		references: ResolvedReference[];
		throughUpdateId: number;
	}
): Promise<void> {
	const db = await getDb();
	const computedAt = new Date();
	const set = { ...result, computedAt, error: null };
	await db
		.insert(workbookOutput)
		.values({ workbookId, ...set })
		.onConflictDoUpdate({ target: workbookOutput.workbookId, set });
}

/** Records that the last recompute failed (the values stay, and read as stale). */
export async function saveOutputError(workbookId: string, error: string): Promise<void> {
	const db = await getDb();
	await db
		.insert(workbookOutput)
		.values({ workbookId, error })
		.onConflictDoUpdate({ target: workbookOutput.workbookId, set: { error } });
}

/** Stores a person's choice of outputs (null: the template's defaults). */
export async function saveOutputChoice(workbookId: string, names: string[] | null): Promise<void> {
	const db = await getDb();
	const set = { chosenNames: names, chosenAt: new Date() };
	await db
		.insert(workbookOutput)
		.values({ workbookId, ...set })
		.onConflictDoUpdate({ target: workbookOutput.workbookId, set });
}
