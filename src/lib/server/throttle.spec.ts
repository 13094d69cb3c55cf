import { describe, expect, it } from 'vitest';
import { AttemptThrottle } from './throttle';

describe('AttemptThrottle', () => {
	const options = { maxAttempts: 3, windowMs: 60_000 };

	it('lets an address try until it has tried the maximum number of times', () => {
		const throttle = new AttemptThrottle(options);
		throttle.record('1.2.3.4', 0);
		throttle.record('1.2.3.4', 1_000);
		expect(throttle.retryAfterSeconds('1.2.3.4', 2_000)).toBe(0);
		throttle.record('1.2.3.4', 2_000);
		expect(throttle.retryAfterSeconds('1.2.3.4', 2_000)).toBe(58);
	});

	it('lets the address in again once its attempts leave the window', () => {
		const throttle = new AttemptThrottle(options);
		for (const time of [0, 1, 2]) throttle.record('1.2.3.4', time);
		expect(throttle.retryAfterSeconds('1.2.3.4', 60_001)).toBe(0);
	});

	it('counts each address on its own and forgets one after a success', () => {
		const throttle = new AttemptThrottle(options);
		for (const time of [0, 1, 2]) throttle.record('1.2.3.4', time);
		expect(throttle.retryAfterSeconds('5.6.7.8', 3)).toBe(0);
		throttle.reset('1.2.3.4');
		expect(throttle.retryAfterSeconds('1.2.3.4', 3)).toBe(0);
	});
});
