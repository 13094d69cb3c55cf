/**
 * Stock y-websocket clients for tests and benchmarks: a `WebsocketProvider` in Node using `ws`,
 * with the session cookie (and an Origin) set on the upgrade request as a browser would.
 */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A `ws` WebSocket class that sends `headers` with every upgrade. */
export function webSocketWithHeaders(headers: Record<string, string>) {
	return class extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers });
		}
	};
}

/** Options for {@link connectClient}. */
export interface ClientOptions {
	cookie?: string;
	origin?: string;
	doc?: Y.Doc;
	params?: Record<string, string>;
	connect?: boolean;
}

/** Opens a WebsocketProvider for `workbookId` on the server at `baseUrl` (http://…). */
export function connectClient(baseUrl: string, workbookId: string, options: ClientOptions = {}) {
	const doc = options.doc ?? new Y.Doc();
	const headers: Record<string, string> = {};
	if (options.cookie) headers.cookie = options.cookie;
	if (options.origin) headers.origin = options.origin;
	const provider = new WebsocketProvider(
		`${baseUrl.replace(/^http/, 'ws')}/collab`,
		workbookId,
		doc,
		{
			WebSocketPolyfill: webSocketWithHeaders(headers) as unknown as typeof globalThis.WebSocket,
			disableBc: true,
			params: options.params,
			connect: options.connect ?? true
		}
	);
	return { doc, provider };
}

/** Resolves with the close code the server ends a raw connection with. */
export function closeCodeOf(
	url: string,
	headers: Record<string, string> = {}
): Promise<{ code: number; messages: number }> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(url, { headers });
		let messages = 0;
		ws.on('message', () => messages++);
		ws.on('close', (code) => resolve({ code, messages }));
		ws.on('error', (error) => reject(error));
	});
}

/** Resolves with the code of the next close of `provider`'s connection (0 when it has none). */
export function nextCloseCode(provider: WebsocketProvider): Promise<number> {
	return new Promise((resolve) =>
		provider.on('connection-close', (event) => resolve(event?.code ?? 0))
	);
}
