/**
 * Where {@link CachedValues} are kept: one IndexedDB database for all workbooks, one record per
 * person and workbook. Usable from the page and from the evaluator worker. Failures (no
 * IndexedDB, quota, private mode) only lose the head start, so they resolve to "no cache".
 */
import * as idb from 'lib0/indexeddb';
import type { CachedValues } from './cached-values';

const DATABASE = 'investflow-values';
const STORE = 'values';

/** Where one session keeps its values, and the app version they are computed by. */
export interface ValuesCacheOptions {
	key: string;
	appVersion: string;
}

let opened: Promise<IDBDatabase> | null = null;

/**
 * The database with its store. One that exists without the store (left by an interrupted
 * first open, or created by anything else opening the name) is upgraded to the next version
 * to add it; otherwise nothing could ever be kept on this device.
 */
function database(): Promise<IDBDatabase> {
	opened ??= openDatabase().then((db) => {
		if (db.objectStoreNames.contains(STORE)) return db;
		db.close();
		return openDatabase(db.version + 1);
	});
	return opened;
}

function openDatabase(version?: number): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request =
			version === undefined ? indexedDB.open(DATABASE) : indexedDB.open(DATABASE, version);
		request.onupgradeneeded = () => {
			if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
		};
		request.onsuccess = () => {
			const db = request.result;
			// Another tab or the worker upgrades: let it, and open afresh next time.
			db.onversionchange = () => {
				db.close();
				opened = null;
			};
			resolve(db);
		};
		request.onerror = () => reject(request.error);
	});
}

/** The record key of one person's cache of one workbook. */
export function valuesCacheKey(userId: string, workbookId: string): string {
	return `${userId}:${workbookId}`;
}

/** The values last kept under `key`, or null. */
export async function readCachedValues(key: string): Promise<CachedValues | null> {
	try {
		const [store] = idb.transact(await database(), [STORE], 'readonly');
		return ((await idb.get(store, key)) as unknown as CachedValues | undefined) ?? null;
	} catch {
		return null;
	}
}

/** Replaces the values kept under `key`. */
export async function writeCachedValues(key: string, values: CachedValues): Promise<void> {
	try {
		const [store] = idb.transact(await database(), [STORE]);
		await idb.put(store, values as never, key);
	} catch {
		// Not kept: the next open computes the values first, as without a cache.
	}
}

/** Forgets the values kept under `key`. */
export async function clearCachedValues(key: string): Promise<void> {
	try {
		const [store] = idb.transact(await database(), [STORE]);
		await idb.del(store, key);
	} catch {
		// Nothing kept, or nothing to do.
	}
}
