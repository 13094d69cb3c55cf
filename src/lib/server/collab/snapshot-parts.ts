/**
 * Large snapshots in parts. PGlite runs one statement at a time on its one thread, and a
 * 100,000-cell workbook's 3.6 MB snapshot took 258 ms to upsert whole: every other workbook's
 * group commit waited that long. Written as parts of SNAPSHOT_PART_BYTES, one statement each,
 * commits run between them.
 *
 * The first part goes in the snapshot row itself, so a small document is still one row; parts
 * 1, 2, … go in `document_snapshot_part` first, under a write id of their own, and the snapshot
 * row names the write and its part count when it commits. A write that never commits its row
 * (a crash, or another compaction of the same workbook winning) leaves parts no row names; the
 * next compaction deletes them.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { documentSnapshot, documentSnapshotPart } from '../db/schema';

/** Bytes per part: on PGlite a 128 KiB part is written in about 9 ms. */
export const SNAPSHOT_PART_BYTES = 128 * 1024;

/** A snapshot row's fields that say where its parts are. */
export interface SnapshotPartsRef {
	workbookId: string;
	throughUpdateId: number;
	writeId: string;
	partCount: number;
}

/** `state` cut into parts of at most SNAPSHOT_PART_BYTES (one part when it is empty). */
export function splitSnapshot(state: Uint8Array): Uint8Array[] {
	const parts = [state.subarray(0, SNAPSHOT_PART_BYTES)];
	for (let start = SNAPSHOT_PART_BYTES; start < state.length; start += SNAPSHOT_PART_BYTES) {
		parts.push(state.subarray(start, start + SNAPSHOT_PART_BYTES));
	}
	return parts;
}

/**
 * Stores parts 1, 2, … of `parts`, one statement each; returns the write id the snapshot row
 * must name ('' when the state is one part and there is nothing to store).
 */
export async function writeSnapshotParts(
	db: Database,
	workbookId: string,
	throughUpdateId: number,
	parts: readonly Uint8Array[]
): Promise<string> {
	if (parts.length === 1) return '';
	const writeId = randomUUID();
	for (let seq = 1; seq < parts.length; seq++) {
		await db
			.insert(documentSnapshotPart)
			.values({ workbookId, throughUpdateId, writeId, seq, bytes: parts[seq] });
	}
	return writeId;
}

/**
 * The whole state of the snapshot `ref` names, its first part being `first`. Throws when a part
 * is missing: loading a document without it would silently drop edits.
 */
export async function readSnapshotState(
	tx: Pick<Database, 'select'>,
	ref: SnapshotPartsRef,
	first: Uint8Array
): Promise<Uint8Array> {
	if (ref.partCount <= 1) return new Uint8Array(first);
	const rest = await tx
		.select({ bytes: documentSnapshotPart.bytes })
		.from(documentSnapshotPart)
		.where(
			and(
				eq(documentSnapshotPart.workbookId, ref.workbookId),
				eq(documentSnapshotPart.throughUpdateId, ref.throughUpdateId),
				eq(documentSnapshotPart.writeId, ref.writeId),
				lt(documentSnapshotPart.seq, ref.partCount)
			)
		)
		.orderBy(asc(documentSnapshotPart.seq));
	if (rest.length !== ref.partCount - 1) {
		throw new Error(
			`snapshot of workbook ${ref.workbookId} has ${rest.length + 1} of its ${ref.partCount} parts`
		);
	}
	const parts = [first, ...rest.map((row) => row.bytes)];
	const state = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let offset = 0;
	for (const part of parts) {
		state.set(part, offset);
		offset += part.length;
	}
	return state;
}

/**
 * Deletes the workbook's parts that its snapshot row does not name and never will: those of
 * writes up to the row's own (the row only ever moves to a newer one), except the row's own
 * write. Parts of a newer write still in progress are left alone.
 */
export async function deleteUnusedSnapshotParts(db: Database, workbookId: string): Promise<void> {
	const part = documentSnapshotPart;
	await db.delete(part).where(
		and(
			eq(part.workbookId, workbookId),
			sql`exists (select 1 from ${documentSnapshot} s where s.workbook_id = ${workbookId}
				and ${part.throughUpdateId} <= s.through_update_id
				and (${part.throughUpdateId}, ${part.writeId}) <> (s.through_update_id, s.write_id))`
		)
	);
}
