/**
 * A minimal y-websocket protocol client for benchmarks: it completes the sync handshake and sends
 * updates from its own small Y.Doc, but only parses (never applies) what it receives. Hundreds of
 * them fit in one process without the measuring process becoming the bottleneck, which stock
 * `WebsocketProvider`s (each applying every update) would.
 */
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from '../src/lib/collab/protocol';

/** Connection options: headers for the upgrade (cookie) and whether to keep received state. */
export interface LightClientOptions {
	headers?: Record<string, string>;
	/** Apply the server's sync step 2 to the local doc (needed to edit on top of it). */
	applyInitialState?: boolean;
}

/** One benchmark connection to a y-websocket server. */
export class LightClient {
	readonly doc = new Y.Doc();
	readonly ws: WebSocket;
	/** Resolves when the server's sync step 2 arrived (first sync). */
	readonly synced: Promise<void>;
	/** Called with every update the server sends (step 2 and relayed updates). */
	onUpdate: ((update: Uint8Array, at: number) => void) | null = null;
	closeCode: number | null = null;

	constructor(url: string, options: LightClientOptions = {}) {
		this.ws = new WebSocket(url, { headers: options.headers, perMessageDeflate: false });
		this.ws.binaryType = 'nodebuffer';
		let resolveSynced!: () => void;
		let rejectSynced!: (error: Error) => void;
		this.synced = new Promise((resolve, reject) => {
			resolveSynced = resolve;
			rejectSynced = reject;
		});
		this.synced.catch(() => {});
		this.ws.on('open', () => this.send(encodeSyncStep1(this.doc)));
		this.ws.on('error', () => {});
		this.ws.on('close', (code) => {
			this.closeCode = code;
			rejectSynced(new Error(`closed with ${code} before sync`));
		});
		this.ws.on('message', (data: Buffer) => {
			const at = performance.now();
			const decoder = decoding.createDecoder(
				new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
			);
			if (decoding.readVarUint(decoder) !== 0) return;
			const syncType = decoding.readVarUint(decoder);
			const payload = decoding.readVarUint8Array(decoder);
			if (syncType === 0) {
				this.send(encodeSyncStep2(this.doc, payload));
			} else {
				if (syncType === 1) {
					if (options.applyInitialState) Y.applyUpdate(this.doc, payload, 'server');
					resolveSynced();
				}
				this.onUpdate?.(payload, at);
			}
		});
		this.doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== 'server') this.send(encodeSyncUpdate(update));
		});
	}

	/** Sends a raw frame if the socket is open. */
	send(data: Uint8Array): void {
		if (this.ws.readyState === WebSocket.OPEN) this.ws.send(data);
	}

	/** Makes one small edit; returns the clock it ends at (for latency bookkeeping). */
	edit(key: string, value: number): number {
		this.doc.getMap('bench').set(key, value);
		return Y.getState(this.doc.store, this.doc.clientID);
	}

	close(): void {
		this.ws.close();
	}
}

/** Opens `count` clients with at most `concurrency` handshakes in flight; resolves when all synced. */
export async function openClients(
	count: number,
	urlFor: (index: number) => string,
	options: LightClientOptions = {},
	concurrency = 50
): Promise<LightClient[]> {
	const clients: LightClient[] = [];
	for (let start = 0; start < count; start += concurrency) {
		const batch = Array.from(
			{ length: Math.min(concurrency, count - start) },
			(_, offset) => new LightClient(urlFor(start + offset), options)
		);
		await Promise.all(batch.map((client) => client.synced));
		clients.push(...batch);
	}
	return clients;
}
