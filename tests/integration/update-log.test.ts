/**
 * The update log at the size a busy server's group commit reaches: a batch of 40,000 updates is
 * stored whole, in order, with its ids, on each database (a statement with a parameter per
 * value overflowed the stack at that size); any user id and any bytes are stored as they are;
 * deleting a workbook leaves none of its log behind, even while its edits are being committed
 * (the log has no foreign keys to cascade); a busy
 * document is snapshotted at most once per interval; a workbook's last change and editor, read
 * from the log, survive its compaction; snapshots are stored uncompressed, a large one in parts
 * of which only those a snapshot names are kept; rows a snapshot covers
 * are never read again, and a crash's leftovers go with the next compaction; on PGlite, the space
 * of what compaction replaced is reused.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { setImmediate as setImmediateTurn } from 'node:timers/promises';
import * as Y from 'yjs';
import type { CollabConfig } from '../../src/lib/server/collab/collab-config';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/databases';
import { waitFor } from '../helpers/wait';

/** The document that `parts` (a snapshot, then updates) make. */
function docOf(parts: readonly Uint8Array[]): Y.Doc {
	const doc = new Y.Doc();
	for (const part of parts) Y.applyUpdate(doc, part);
	return doc;
}

describe.each(DATABASE_KINDS)('update log on %s', (kind) => {
	let database: TestDatabase;
	const savedEnv = { ...process.env };

	beforeAll(async () => {
		database = await createTestDatabase(kind);
		process.env.DATABASE_URL = '';
		Object.assign(process.env, database.env);
		// The embedded database vacuums itself often here (every 100 ms after 50 ms of quiet), so a
		// test sees the space reused.
		process.env.PGLITE_VACUUM_INTERVAL_MS = '100';
		process.env.PGLITE_VACUUM_QUIET_MS = '50';
		// Fresh modules per database: the configuration is read once per module instance.
		vi.resetModules();
	});

	afterAll(async () => {
		const { getRoomRegistry, resetRoomRegistry } =
			await import('../../src/lib/server/collab/room-registry');
		await getRoomRegistry().close();
		resetRoomRegistry();
		// The digests the last compactions started finish on this database; the next one gets a
		// service of its own (it lives on globalThis, beyond the module reset).
		const { getHistoryService, resetHistoryService } =
			await import('../../src/lib/server/history/history-service');
		await getHistoryService().stop();
		resetHistoryService();
		const { closeDatabase } = await import('../../src/lib/server/db');
		await closeDatabase();
		process.env = savedEnv;
		await database?.drop();
	});

	/** Registers `name` on this database's fresh modules. */
	async function register(name: string) {
		const { registerUser } = await import('../../src/lib/server/users');
		return registerUser(
			{
				email: `${name.toLowerCase().replaceAll(' ', '-')}-${kind}@example.com`,
				name,
				password: 'a long enough passphrase'
			},
			// Each person registers from an address of their own, as registration is throttled per address.
			{ address: `update-log-${kind}-${name}`, origin: 'http://localhost' }
		);
	}

	/** A new person (`name`) with a new workbook of theirs (`title`). */
	async function personWithWorkbook(name: string, title: string) {
		const { createWorkbook } = await import('../../src/lib/server/workbooks');
		const user = await register(name);
		return { user, workbook: await createWorkbook(user.id, { title }) };
	}

	/** Ids of the workbook's log rows after `afterId`, in order. */
	async function logIds(workbookId: string, afterId = 0): Promise<number[]> {
		const { getDb, schema } = await import('../../src/lib/server/db');
		const rows = await (
			await getDb()
		)
			.select({ id: schema.documentUpdate.id })
			.from(schema.documentUpdate)
			.where(
				and(eq(schema.documentUpdate.workbookId, workbookId), gt(schema.documentUpdate.id, afterId))
			)
			.orderBy(asc(schema.documentUpdate.id));
		return rows.map((row) => row.id);
	}

	/** The workbook's snapshot row, if it has one. */
	async function snapshotOf(workbookId: string) {
		const { getDb, schema } = await import('../../src/lib/server/db');
		const [snapshot] = await (
			await getDb()
		)
			.select()
			.from(schema.documentSnapshot)
			.where(eq(schema.documentSnapshot.workbookId, workbookId));
		return snapshot;
	}

	/** The document the workbook's stored parts make, loaded as a room would load it. */
	async function storedDocOf(workbookId: string): Promise<Y.Doc> {
		const { loadStoredDocument } = await import('../../src/lib/server/collab/persistence');
		return docOf((await loadStoredDocument(workbookId))!.updates);
	}

	/** The process's registry, closed and made anew with `overrides`. */
	async function freshRegistry(overrides: Partial<CollabConfig>) {
		const { getRoomRegistry, resetRoomRegistry } =
			await import('../../src/lib/server/collab/room-registry');
		await getRoomRegistry().close();
		resetRoomRegistry();
		return getRoomRegistry(overrides);
	}

	it('commits a batch of 40,000 updates as one, ids in order', async () => {
		const { getDb, schema } = await import('../../src/lib/server/db');
		const { appendUpdates } = await import('../../src/lib/server/collab/persistence');
		const { user, workbook } = await personWithWorkbook('Log Writer', 'Busy');
		const count = 40_000;
		const rows = Array.from({ length: count }, (_, index) => ({
			workbookId: workbook.id,
			update: new Uint8Array([index % 256, (index >> 8) % 256, 7]),
			userId: user.id
		}));
		const ids = await appendUpdates(rows);
		expect(ids).toHaveLength(count);
		const db = await getDb();
		const stored = await db
			.select({ id: schema.documentUpdate.id, update: schema.documentUpdate.update })
			.from(schema.documentUpdate)
			.where(eq(schema.documentUpdate.workbookId, workbook.id))
			.orderBy(asc(schema.documentUpdate.id));
		// The seeded blank sheet may be stored first; the batch follows it, in order.
		const batch = stored.slice(stored.length - count);
		expect(batch.map((row) => row.id)).toEqual(ids);
		expect(batch.map((row) => [...new Uint8Array(row.update)])).toEqual(
			rows.map((row) => [...row.update])
		);
	}, 120_000);

	it('stores any user id and any bytes as they are', async () => {
		const { appendUpdates } = await import('../../src/lib/server/collab/persistence');
		const { getDb, schema } = await import('../../src/lib/server/db');
		const { workbook } = await personWithWorkbook('Odd Bytes', 'Odd');
		// What a literal could break on: quotes of both kinds, backslashes, a "$1", NULL, non-ASCII.
		const userIds = [`o'brien`, 'back\\slash', 'say "hi"', '$1 {a,b}', null, 'zoë 🏠', ''];
		const rows = userIds.map((userId, index) => ({
			workbookId: workbook.id,
			update: Uint8Array.from([0, 39, 92, 34, 123, 125, 44, 255, index]),
			userId
		}));
		rows.push({ workbookId: workbook.id, update: new Uint8Array(0), userId: 'empty' });
		const ids = await appendUpdates(rows);
		const stored = await (
			await getDb()
		)
			.select({ update: schema.documentUpdate.update, userId: schema.documentUpdate.userId })
			.from(schema.documentUpdate)
			.where(inArray(schema.documentUpdate.id, ids))
			.orderBy(asc(schema.documentUpdate.id));
		expect(stored.map((row) => [row.userId, [...new Uint8Array(row.update)]])).toEqual(
			rows.map((row) => [row.userId, [...row.update]])
		);
	});

	it('stores and loads a large snapshot byte for byte', async () => {
		const { appendUpdates, loadStoredDocument, writeSnapshot } =
			await import('../../src/lib/server/collab/persistence');
		const { user, workbook } = await personWithWorkbook('Snapshot Writer', 'Large');
		// Every byte value, in a pattern that does not repeat within 300 KB.
		const state = Uint8Array.from(
			{ length: 300_000 },
			(_, index) => (index * 7 + (index >> 8)) % 256
		);
		const [through] = await appendUpdates([
			{ workbookId: workbook.id, update: new Uint8Array([1]), userId: user.id }
		]);
		await writeSnapshot(workbook.id, state, through, 1);
		const stored = await loadStoredDocument(workbook.id);
		expect(stored?.updates).toHaveLength(1);
		expect(Buffer.from(stored!.updates[0]).equals(Buffer.from(state))).toBe(true);
		// Kept uncompressed (migrations 0003 and 0004): compressing cost most of the write.
		const { openDatabase } = await import('../../src/lib/server/db');
		const [kept] = await (
			await openDatabase()
		).query<{ size: number }>(
			`select (select pg_column_size(state) from document_snapshot where workbook_id = $1)
				+ (select coalesce(sum(pg_column_size(bytes)), 0) from document_snapshot_part
					where workbook_id = $1) as size`,
			[workbook.id]
		);
		expect(Number(kept.size)).toBeGreaterThanOrEqual(state.length);
	});

	it('writes a large snapshot in parts, keeping only the parts a snapshot names', async () => {
		const { appendUpdates, loadStoredDocument, writeSnapshot } =
			await import('../../src/lib/server/collab/persistence');
		const { SNAPSHOT_PART_BYTES, splitSnapshot, writeSnapshotParts } =
			await import('../../src/lib/server/collab/snapshot-parts');
		const { getDb, schema } = await import('../../src/lib/server/db');
		const db = await getDb();
		const { user, workbook } = await personWithWorkbook('Part Writer', 'In parts');
		const stateOf = (length: number, seed: number) =>
			Uint8Array.from({ length }, (_, index) => (index * seed + (index >> 9)) % 256);
		const append = async () =>
			(
				await appendUpdates([
					{ workbookId: workbook.id, update: new Uint8Array([1]), userId: user.id }
				])
			)[0];
		const loaded = async () => Buffer.from((await loadStoredDocument(workbook.id))!.updates[0]);
		const partRows = async () =>
			(
				await db
					.select({
						through: schema.documentSnapshotPart.throughUpdateId,
						seq: schema.documentSnapshotPart.seq
					})
					.from(schema.documentSnapshotPart)
					.where(eq(schema.documentSnapshotPart.workbookId, workbook.id))
					.orderBy(
						asc(schema.documentSnapshotPart.throughUpdateId),
						asc(schema.documentSnapshotPart.seq)
					)
			).map((row) => `${row.through}:${row.seq}`);

		const first = stateOf(2 * SNAPSHOT_PART_BYTES + 1000, 7);
		const firstThrough = await append();
		await writeSnapshot(workbook.id, first, firstThrough, 1);
		expect((await snapshotOf(workbook.id))?.partCount).toBe(3);
		expect(await partRows()).toEqual([`${firstThrough}:1`, `${firstThrough}:2`]);
		expect((await loaded()).equals(Buffer.from(first))).toBe(true);

		// What two other writes leave: one that lost (or crashed) before its row, and one still
		// writing, of a newer update.
		const second = stateOf(3 * SNAPSHOT_PART_BYTES + 5, 11);
		const secondThrough = await append();
		await writeSnapshotParts(db, workbook.id, firstThrough, splitSnapshot(stateOf(300_000, 3)));
		const stillWritingThrough = secondThrough + 1000;
		await writeSnapshotParts(db, workbook.id, stillWritingThrough, splitSnapshot(second));
		await writeSnapshot(workbook.id, second, secondThrough, 1);
		expect((await loaded()).equals(Buffer.from(second))).toBe(true);
		expect(await partRows()).toEqual([
			...[1, 2, 3].map((seq) => `${secondThrough}:${seq}`),
			...[1, 2, 3].map((seq) => `${stillWritingThrough}:${seq}`)
		]);

		// A second snapshot of the same update (compactions racing) leaves the first in place.
		await writeSnapshot(workbook.id, stateOf(200_000, 5), secondThrough, 1);
		expect((await loaded()).equals(Buffer.from(second))).toBe(true);
		expect((await partRows()).filter((row) => row.startsWith(`${secondThrough}:`))).toHaveLength(3);

		// A part gone missing fails the load rather than drop edits silently.
		await db
			.delete(schema.documentSnapshotPart)
			.where(
				and(
					eq(schema.documentSnapshotPart.workbookId, workbook.id),
					eq(schema.documentSnapshotPart.throughUpdateId, secondThrough),
					eq(schema.documentSnapshotPart.seq, 2)
				)
			);
		await expect(loadStoredDocument(workbook.id)).rejects.toThrow(/has 3 of its 4 parts/);
	});

	it('keeps the last change and editor of a workbook through compaction', async () => {
		const { appendUpdates, writeSnapshot } =
			await import('../../src/lib/server/collab/persistence');
		const { listWorkbooks } = await import('../../src/lib/server/workbooks');
		const { user: owner, workbook } = await personWithWorkbook('Owner', 'Shared');
		const editor = await register('Editor');
		const before = (await listWorkbooks(owner.id))[0];
		expect(before.lastEditedBy?.name).toBe('Owner');
		await new Promise((resolve) => setTimeout(resolve, 20));
		const ids = await appendUpdates([
			{ workbookId: workbook.id, update: new Uint8Array([1]), userId: editor.id },
			{ workbookId: workbook.id, update: new Uint8Array([2]), userId: '' }
		]);
		const listed = async () =>
			(await listWorkbooks(owner.id)).find((entry) => entry.id === workbook.id)!;
		const edited = await listed();
		expect(edited.lastEditedBy?.name).toBe('Editor');
		expect(edited.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
		await writeSnapshot(workbook.id, new Uint8Array([0, 0]), Math.max(...ids), 2);
		const compacted = await listed();
		expect(compacted.lastEditedBy?.name).toBe('Editor');
		expect(compacted.updatedAt.getTime()).toBe(edited.updatedAt.getTime());
	});

	it('ignores log rows a snapshot covers, and the next compaction deletes them', async () => {
		const { appendUpdates, loadStoredDocument, writeSnapshot } =
			await import('../../src/lib/server/collab/persistence');
		const { getDb, schema } = await import('../../src/lib/server/db');
		const { user, workbook } = await personWithWorkbook('Crash Survivor', 'Leftovers');
		const row = (byte: number) => ({
			workbookId: workbook.id,
			update: new Uint8Array([byte]),
			userId: user.id
		});
		const covered = await appendUpdates([row(1), row(2)]);
		// What a crash between a snapshot's commit and the deletion of its rows leaves behind.
		await (
			await getDb()
		)
			.update(schema.documentSnapshot)
			.set({ state: new Uint8Array([9]), throughUpdateId: Math.max(...covered) })
			.where(eq(schema.documentSnapshot.workbookId, workbook.id));
		const [after] = await appendUpdates([row(3)]);
		const loaded = await loadStoredDocument(workbook.id);
		expect(loaded?.updates.map((update) => [...update])).toEqual([[9], [3]]);
		expect(loaded).toMatchObject({ logCount: 1, lastUpdateId: after });

		await writeSnapshot(workbook.id, new Uint8Array([9, 3]), after, 1);
		expect(await logIds(workbook.id)).toEqual([]);
	});

	it('deletes all of the many rows a snapshot covers, and nothing else', async () => {
		const { appendUpdates, writeSnapshot } =
			await import('../../src/lib/server/collab/persistence');
		const { user, workbook } = await personWithWorkbook('Prolific', 'Long log');
		const neighbour = await personWithWorkbook('Neighbour', 'Next door');
		// 1,100 rows of the workbook, another workbook's row after every third: the snapshot covers
		// the first 1,000, several statements' worth (they are deleted a few hundred at a time).
		const rows = Array.from({ length: 1_100 }, (_, index) => [
			{ workbookId: workbook.id, update: new Uint8Array([index % 256]), userId: user.id },
			...(index % 3 === 0
				? [{ workbookId: neighbour.workbook.id, update: new Uint8Array([1]), userId: null }]
				: [])
		]).flat();
		const ids = await appendUpdates(rows);
		const idsOf = (workbookId: string) =>
			ids.filter((_, index) => rows[index].workbookId === workbookId);
		const own = idsOf(workbook.id);
		await writeSnapshot(workbook.id, new Uint8Array([0, 0]), own[999], 1_000);
		expect(await logIds(workbook.id)).toEqual(own.slice(1_000));
		expect(await logIds(neighbour.workbook.id)).toEqual(idsOf(neighbour.workbook.id));
	});

	it('loads a whole document while a snapshot replaces the rows it covers', async () => {
		const { appendUpdates, loadStoredDocument, writeSnapshot } =
			await import('../../src/lib/server/collab/persistence');
		const { user, workbook } = await personWithWorkbook('Loader', 'Raced');
		const doc = new Y.Doc();
		const updates: Uint8Array[] = [];
		doc.on('update', (update: Uint8Array) => updates.push(update));
		for (let round = 0; round < 200; round++) {
			updates.length = 0;
			for (let index = 0; index < 5; index++) doc.getMap('edits').set(`r${round}`, index);
			const ids = await appendUpdates(
				updates.map((update) => ({ workbookId: workbook.id, update, userId: user.id }))
			);
			// A load racing the snapshot must see the old snapshot and every row, or the new one.
			// Loads start a few turns apart, to meet the snapshot's statements at different points.
			const [, ...loads] = await Promise.all([
				writeSnapshot(workbook.id, Y.encodeStateAsUpdate(doc), Math.max(...ids), ids.length),
				...[0, 1, 2, 3, 4].map(async (turns) => {
					for (let turn = 0; turn < turns; turn++) await setImmediateTurn();
					return loadStoredDocument(workbook.id);
				})
			]);
			for (const loaded of loads) {
				expect(docOf(loaded!.updates).getMap('edits').toJSON(), `round ${round}`).toEqual(
					doc.getMap('edits').toJSON()
				);
			}
		}
	});

	it('snapshots a busy document at most once per interval', async () => {
		const registry = await freshRegistry({ compactAfterUpdates: 5, compactMinIntervalMs: 60_000 });
		const { user, workbook } = await personWithWorkbook('Busy Writer', 'Busy');
		for (let index = 0; index < 30; index++) {
			await registry.mutate(workbook.id, user.id, (doc) =>
				doc.getMap('edits').set(`e${index}`, index)
			);
		}
		await waitFor(
			async () => (await snapshotOf(workbook.id)) !== undefined,
			10_000,
			'first snapshot'
		);
		const snapshot = await snapshotOf(workbook.id);
		const logAfter = await logIds(workbook.id, snapshot!.throughUpdateId);
		// One snapshot once the log passed 5 rows; the edits after it wait for the interval.
		expect(snapshot!.updateCount).toBeLessThan(10);
		expect(logAfter.length).toBeGreaterThanOrEqual(20);
	});

	it.each([
		['on the snapshot worker', 1],
		['on the event loop', Number.MAX_SAFE_INTEGER]
	])(
		'compacts again and again while edits go on (built %s), storing what it holds',
		async (_, onWorkerAbove) => {
			const registry = await freshRegistry({
				compactAfterUpdates: 5,
				compactMinIntervalMs: 0,
				snapshotOnWorkerAboveBytes: onWorkerAbove
			});
			const { user, workbook } = await personWithWorkbook(`Writer ${onWorkerAbove}`, 'Folded');
			// Bursts of edits, each committed while the snapshot an earlier one started is built,
			// until three snapshots have been seen.
			const snapshotsSeen = new Set<number>();
			for (let burst = 0; snapshotsSeen.size < 3 && burst < 2_000; burst++) {
				await Promise.all(
					Array.from({ length: 5 }, (_, index) =>
						registry.mutate(workbook.id, user.id, (doc) => {
							const edits = doc.getMap('edits');
							edits.set(`e${burst}-${index}`, burst * index);
							if (burst > 0) edits.delete(`e${burst - 1}-${index}`);
						})
					)
				);
				const snapshot = await snapshotOf(workbook.id);
				if (snapshot) snapshotsSeen.add(snapshot.throughUpdateId);
			}
			expect(snapshotsSeen.size).toBe(3);
			await registry.pipeline.drain();
			const held = (await registry.read(workbook.id, (doc) => doc.getMap('edits').toJSON()))!.value;
			const reloaded = await storedDocOf(workbook.id);
			expect(Object.keys(held)).toHaveLength(5);
			expect(reloaded.getMap('edits').toJSON()).toEqual(held);
			expect(Y.encodeStateVector(reloaded)).toEqual(
				(await registry.read(workbook.id, (doc) => Y.encodeStateVector(doc)))!.value
			);
		}
	);

	// PGlite has no autovacuum; PostgreSQL's runs by itself, on its own schedule.
	it.runIf(kind === 'pglite')(
		'reuses the space of the log rows and snapshots that compaction replaced',
		async () => {
			const registry = await freshRegistry({
				compactAfterUpdates: 100,
				compactMinIntervalMs: 0
			});
			const { openDatabase } = await import('../../src/lib/server/db');
			const { getHistoryService } = await import('../../src/lib/server/history/history-service');
			const handle = await openDatabase();
			const storedBytes = async () => {
				const [row] = await handle.query<{ bytes: number | string }>(
					`select pg_total_relation_size('document_update')
						+ pg_total_relation_size('document_snapshot') as bytes`,
					[]
				);
				return Number(row.bytes);
			};
			const { user, workbook } = await personWithWorkbook('Churner', 'Churned');
			const sizes: number[] = [];
			// Each round writes ~200 KB of log that the next snapshots replace.
			for (let round = 0; round < 6; round++) {
				for (let burst = 0; burst < 20; burst++) {
					await Promise.all(
						Array.from({ length: 20 }, (_, index) =>
							registry.mutate(workbook.id, user.id, (doc) =>
								doc.getMap('edits').set(`e${index}`, `${round}-${burst}-`.padEnd(500, 'x'))
							)
						)
					);
				}
				await registry.pipeline.drain();
				// Compaction leaves the rows history has not digested; the digest it started deletes them.
				await getHistoryService().settled();
				// The database is quiet now: a vacuum runs within 100 ms (see the settings above).
				await new Promise((resolve) => setTimeout(resolve, 300));
				sizes.push(await storedBytes());
			}
			// What the last snapshot left: the rows after it, fewer than start the next one, plus the
			// bursts that committed while it was being written (120 rows in 1 run of 7).
			const after = (await snapshotOf(workbook.id))!.throughUpdateId;
			expect((await logIds(workbook.id, after)).length).toBeLessThan(200);
			// Without vacuuming, the tables grew by each round's log: from 0.44 to 2.47 MB in 6 rounds,
			// about 0.4 MB a round. With it, a reading moves up and down with where the last snapshot
			// and vacuum fell (0.31–0.79 MB in 12 runs), but never grew 0.32 MB past the first.
			const growth = Math.max(...sizes) - sizes[0];
			expect(growth).toBeLessThan(2 * 400_000);
		},
		60_000
	);

	it('deletes a workbook with its whole log and snapshot, edits in flight included', async () => {
		const { getDb, schema } = await import('../../src/lib/server/db');
		const { appendUpdates, writeSnapshot } =
			await import('../../src/lib/server/collab/persistence');
		const { getRoomRegistry } = await import('../../src/lib/server/collab/room-registry');
		const { deleteWorkbook } = await import('../../src/lib/server/workbooks');
		const { user, workbook } = await personWithWorkbook('Deleter', 'Doomed');
		const update = new Uint8Array([0, 0]);
		const [first] = await appendUpdates([{ workbookId: workbook.id, update, userId: user.id }]);
		await writeSnapshot(workbook.id, update, first, 1);
		await appendUpdates([{ workbookId: workbook.id, update, userId: user.id }]);
		const registry = getRoomRegistry();
		// Edits still being committed when the delete runs may fail; none may leave a row behind.
		const edits = Promise.allSettled(
			Array.from({ length: 20 }, (_, index) =>
				registry.mutate(workbook.id, user.id, (doc) => doc.getMap('edits').set(`e${index}`, index))
			)
		);
		await new Promise((resolve) => setImmediate(resolve));
		await deleteWorkbook(user.id, workbook.id);
		await edits;
		const snapshotsLeft = await (
			await getDb()
		)
			.select({ id: schema.documentSnapshot.workbookId })
			.from(schema.documentSnapshot)
			.where(eq(schema.documentSnapshot.workbookId, workbook.id));
		expect(await logIds(workbook.id)).toEqual([]);
		expect(snapshotsLeft).toEqual([]);
	});
});
