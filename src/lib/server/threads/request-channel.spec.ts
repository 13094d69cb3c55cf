import { afterEach, describe, expect, it } from 'vitest';
import { RequestChannel, WorkerStoppedError } from './request-channel';

const fixture = new URL('./request-channel.fixture.js', import.meta.url);

describe('RequestChannel', () => {
	let channel: RequestChannel;
	afterEach(() => channel.terminate());

	it('answers each request, in the order they were sent, even when the first is slow', async () => {
		channel = new RequestChannel(fixture, 'the fixture');
		const answers: unknown[] = [];
		await Promise.all([
			channel.request({ kind: 'echo', value: 'first', delayMs: 50 }).then((a) => answers.push(a)),
			channel.request({ kind: 'echo', value: { second: [2] } }).then((a) => answers.push(a))
		]);
		expect(answers).toEqual(['first', { second: [2] }]);
	});

	it("rejects with the worker's error and its fields, and goes on answering", async () => {
		channel = new RequestChannel(fixture, 'the fixture');
		const failure = channel.request({ kind: 'fail' });
		await expect(failure).rejects.toMatchObject({ message: 'refused', code: '23505' });
		await expect(failure).rejects.not.toBeInstanceOf(WorkerStoppedError);
		expect(await channel.request({ kind: 'echo', value: 1 })).toBe(1);
	});

	it('rejects the waiting and every later request once the worker has exited', async () => {
		channel = new RequestChannel(fixture, 'the fixture');
		// Requests are answered in order: the echo waits behind the exit and is never answered.
		const exit = channel.request({ kind: 'exit', delayMs: 50 });
		const waiting = channel.request({ kind: 'echo', value: 'never' });
		await expect(exit).rejects.toThrow(new WorkerStoppedError('the fixture exited with code 3'));
		await expect(waiting).rejects.toBeInstanceOf(WorkerStoppedError);
		expect(channel.stopped).toBe(true);
		await expect(channel.request({ kind: 'echo', value: 1 })).rejects.toBeInstanceOf(
			WorkerStoppedError
		);
	});
});
