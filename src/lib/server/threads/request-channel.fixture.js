// A worker for request-channel.spec.ts: echoes, fails with fields, or exits, as asked.
import { answerRequests } from './answer-requests.js';

answerRequests(
	async (/** @type {{ kind: string, value?: unknown, delayMs?: number }} */ request) => {
		if (request.delayMs) await new Promise((resolve) => setTimeout(resolve, request.delayMs));
		if (request.kind === 'echo') return request.value;
		if (request.kind === 'fail') throw Object.assign(new Error('refused'), { code: '23505' });
		if (request.kind === 'exit') process.exit(3);
		throw new Error(`unknown request ${request.kind}`);
	}
);
