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

/** Runs a full garbage collection in the server whose inspector is at `url`. */
export async function collectGarbage(url: string): Promise<void> {
	const socket = new WebSocket(url);
	try {
		await new Promise((resolve, reject) => {
			socket.once('open', resolve);
			socket.once('error', reject);
		});
		await new Promise<void>((resolve, reject) => {
			socket.on('message', (data: Buffer) => {
				const reply = JSON.parse(data.toString()) as { id?: number; error?: { message: string } };
				if (reply.id !== 1) return;
				if (reply.error) reject(new Error(`collectGarbage: ${reply.error.message}`));
				else resolve();
			});
			socket.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' }));
		});
	} finally {
		socket.close();
	}
}
