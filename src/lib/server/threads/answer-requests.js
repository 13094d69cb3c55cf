// The worker's side of request-channel.ts. Plain JavaScript, because a worker thread starts
// without the TypeScript loader the server runs under.
import { parentPort } from 'node:worker_threads';

/**
 * An error as a plain object that survives postMessage: its message, name and every field that
 * is not an object (PostgreSQL's code, detail, constraint, …).
 * @param {unknown} error
 */
function describe(error) {
	if (!(error instanceof Error)) return { message: String(error), name: 'Error' };
	const fields = Object.fromEntries(
		Object.entries(error).filter(([, value]) => typeof value !== 'object' || value === null)
	);
	return { ...fields, message: error.message, name: error.name };
}

/**
 * Answers every request this worker receives with what `perform` returns for it, strictly one
 * after another in the order they came. `handOver` names the buffers of a result that are
 * transferred to the caller rather than copied.
 * @param {(request: any) => unknown} perform
 * @param {(result: any) => ArrayBuffer[]} [handOver]
 */
export function answerRequests(perform, handOver = () => []) {
	const port = parentPort;
	if (!port) throw new Error('this module runs only as a worker thread');
	let previous = Promise.resolve();
	port.on('message', (/** @type {{ id: number }} */ request) => {
		previous = previous.then(async () => {
			try {
				const result = await perform(request);
				port.postMessage({ id: request.id, result }, handOver(result));
			} catch (error) {
				port.postMessage({ id: request.id, error: describe(error) });
			}
		});
	});
}
