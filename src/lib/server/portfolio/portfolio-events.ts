/**
 * The dashboard's live push: a server-sent event stream telling one signed-in person which of
 * the workbooks they can see has new published outputs. It carries only the workbook's id —
 * never a value — and only after checking, at the moment of the change, that the person is a
 * member of it; the page then reads the portfolio again (with the usual checks).
 */
import { resolveAccess } from '../workbook-access';
import { getOutputRecompute } from './output-recompute';

/** Comment lines this often keep proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

/**
 * An event stream for `userId` that ends when `signal` aborts. Events: `outputs` with
 * `{ workbookId }` when that workbook's outputs changed.
 */
export function openPortfolioEvents(userId: string, signal: AbortSignal): Response {
	const encoder = new TextEncoder();
	let cleanup = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			const send = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					cleanup();
				}
			};
			const unsubscribe = getOutputRecompute().subscribe((workbookId) => {
				void resolveAccess({ userId, linkToken: null }, workbookId).then(
					(role) => {
						if (role) send(`event: outputs\ndata: ${JSON.stringify({ workbookId })}\n\n`);
					},
					() => undefined
				);
			});
			const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
			heartbeat.unref?.();
			cleanup = () => {
				unsubscribe();
				clearInterval(heartbeat);
			};
			signal.addEventListener('abort', () => {
				cleanup();
				try {
					controller.close();
				} catch {
					// already closed by the client
				}
			});
			send('retry: 2000\n: connected\n\n');
		},
		cancel() {
			cleanup();
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no'
		}
	});
}
