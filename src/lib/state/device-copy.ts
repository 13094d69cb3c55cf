/**
 * The copy of a workbook kept on this device for one person: its y-indexeddb database (the
 * document, with edits made offline) and its kept values. Named in one place so that the
 * session that writes it and the pages that drop it agree.
 */
import { clearCachedValues, valuesCacheKey } from './values/values-cache-store';

/** The IndexedDB database y-indexeddb keeps one person's copy of one workbook in. */
export function deviceCopyName(userId: string, workbookId: string): string {
	return `investflow:${userId}:${workbookId}`;
}

/**
 * Drops a workbook's copy on this device for this person, e.g. when the server says they may no
 * longer open it. Resolves once the database is deleted (or could not be: nothing to wait for).
 */
export async function forgetDeviceCopy(userId: string, workbookId: string): Promise<void> {
	await clearCachedValues(valuesCacheKey(userId, workbookId)).catch(() => undefined);
	await new Promise<void>((done) => {
		const request = indexedDB.deleteDatabase(deviceCopyName(userId, workbookId));
		request.onsuccess = request.onerror = request.onblocked = () => done();
	});
}
