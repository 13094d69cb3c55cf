/**
 * Full garbage collections in a server under benchmark, through its inspector. Memory readings
 * are taken after one, so garbage a server happened not to have collected yet does not count as,
 * or hide, what connections and documents cost: PGlite leaves 200–330 MB of start-up buffers that
 * go at whichever major collection comes first, which once made RSS per idle connection −710 KiB.
 */
import WebSocket from 'ws';

/** The Node option that opens a server's inspector on a free port (announced on stderr). */
export const INSPECT_ARG = '--inspect=127.0.0.1:0';

/** The inspector's WebSocket URL from a server's stderr, once announced. */
export function inspectorUrl(stderr: string): string | null {
	return /Debugger listening on (ws:\/\/\S+)/.exec(stderr)?.[1] ?? null;
}

interface InspectorMessage {
	id?: number;
	method?: string;
	params?: { sessionId?: string; message?: string };
	error?: { message: string };
}

/**
 * Runs a full garbage collection in the server whose inspector is at `url`: on its main thread
 * and on each of its worker threads (the embedded database runs on one, and what it has not
 * collected yet counts in the process's RSS just the same).
 */
export async function collectGarbage(url: string): Promise<void> {
	const socket = new WebSocket(url);
	const waiting = new Map<string, (message: InspectorMessage) => void>();
	const workers: string[] = [];
	let nextId = 1;
	const settle = (key: string, message: InspectorMessage) => {
		waiting.get(key)?.(message);
		waiting.delete(key);
	};
	const call = (method: string, params?: object, sessionId?: string) =>
		new Promise<void>((resolve, reject) => {
			const id = nextId++;
			waiting.set(sessionId ? `${sessionId}:${id}` : String(id), (reply) =>
				reply.error ? reject(new Error(`${method}: ${reply.error.message}`)) : resolve()
			);
			const message = JSON.stringify({ id, method, params });
			if (sessionId) {
				socket.send(
					JSON.stringify({
						id: nextId++,
						method: 'NodeWorker.sendMessageToWorker',
						params: { sessionId, message }
					})
				);
			} else socket.send(message);
		});
	try {
		await new Promise((resolve, reject) => {
			socket.once('open', resolve);
			socket.once('error', reject);
		});
		socket.on('message', (data: Buffer) => {
			const message = JSON.parse(data.toString()) as InspectorMessage;
			if (message.method === 'NodeWorker.attachedToWorker') {
				workers.push(message.params!.sessionId!);
			} else if (message.method === 'NodeWorker.receivedMessageFromWorker') {
				const inner = JSON.parse(message.params!.message!) as InspectorMessage;
				if (inner.id !== undefined) settle(`${message.params!.sessionId}:${inner.id}`, inner);
			} else if (message.id !== undefined) settle(String(message.id), message);
		});
		await call('HeapProfiler.collectGarbage');
		// Node announces every running worker (attachedToWorker) before it replies to enable:
		// 10 of 10 times with 3 workers.
		await call('NodeWorker.enable', { waitForDebuggerOnStart: false });
		for (const sessionId of workers) await call('HeapProfiler.collectGarbage', {}, sessionId);
	} finally {
		socket.close();
	}
}
