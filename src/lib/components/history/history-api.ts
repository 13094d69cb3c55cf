/**
 * The history panel's calls to the JSON API (same origin, the session cookie rides along). Each
 * throws an Error carrying the server's message, for `handleError` to show.
 */

/** A version as the API lists it. */
export interface VersionItem {
	id: string;
	name: string | null;
	kind: 'auto' | 'named';
	createdAt: string;
	editors: { id: string; name: string }[];
}

/** One changed cell between a version and the present. */
export interface CellChange {
	sheet: string;
	ref: string;
	before: string;
	after: string;
	by: { id: string; name: string } | null;
}

/** One change of a cell's input. */
export interface CellHistoryItem {
	at: string;
	by: { id: string; name: string } | null;
	before: string;
	after: string;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
	const response = await fetch(path, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const payload = await response.json().catch(() => null);
	if (!response.ok) {
		throw new Error(payload?.error?.message ?? `The server answered ${response.status}.`);
	}
	return payload as T;
}

/** The history API of one workbook. */
export function historyApi(workbookId: string) {
	const base = `/api/v1/workbooks/${encodeURIComponent(workbookId)}`;
	return {
		list: () => call<{ versions: VersionItem[] }>('GET', `${base}/versions`),
		/** A version of the present: named (kept), or the automatic "Before restore". */
		cut: (name: string, kind: 'named' | 'auto' = 'named') =>
			call<VersionItem>('POST', `${base}/versions`, { name, kind }),
		rename: (id: string, name: string) =>
			call<VersionItem>('PATCH', `${base}/versions/${encodeURIComponent(id)}`, { name }),
		changes: (id: string, against: 'current' | 'previous') =>
			call<{ changes: CellChange[] }>(
				'GET',
				`${base}/versions/${encodeURIComponent(id)}/changes?against=${against}`
			),
		/** One page of a cell's history, newest first; `before` is a `next` from the newer page. */
		cellHistory: (sheet: string, ref: string, before: string | null = null) =>
			call<{ history: CellHistoryItem[]; next: string | null }>(
				'GET',
				`${base}/cells/history?sheet=${encodeURIComponent(sheet)}&ref=${encodeURIComponent(ref)}` +
					(before === null ? '' : `&before=${encodeURIComponent(before)}`)
			),
		stateUrl: (id: string) => `${base}/versions/${encodeURIComponent(id)}/state`
	};
}

/** How a version is called in lists: its name, or when it was made. */
export function versionTitle(version: VersionItem): string {
	return version.name ?? formatWhen(version.createdAt);
}

/** A time as people read it in this browser's language. */
export function formatWhen(iso: string): string {
	return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
