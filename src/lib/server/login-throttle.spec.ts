import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
	const options = { maxFailures: 3, windowMs: 60_000 };

	it('lets an address try until it has failed the maximum number of times', () => {
		const throttle = new LoginThrottle(options);
		throttle.recordFailure('1.2.3.4', 0);
		throttle.recordFailure('1.2.3.4', 1_000);
		expect(throttle.retryAfterSeconds('1.2.3.4', 2_000)).toBe(0);
		throttle.recordFailure('1.2.3.4', 2_000);
		expect(throttle.retryAfterSeconds('1.2.3.4', 2_000)).toBe(58);
	});

	it('lets the address in again once its failures leave the window', () => {
		const throttle = new LoginThrottle(options);
		for (const time of [0, 1, 2]) throttle.recordFailure('1.2.3.4', time);
		expect(throttle.retryAfterSeconds('1.2.3.4', 60_001)).toBe(0);
	});

	it('counts each address on its own and forgets one after a success', () => {
		const throttle = new LoginThrottle(options);
		for (const time of [0, 1, 2]) throttle.recordFailure('1.2.3.4', time);
		expect(throttle.retryAfterSeconds('5.6.7.8', 3)).toBe(0);
		throttle.reset('1.2.3.4');
		expect(throttle.retryAfterSeconds('1.2.3.4', 3)).toBe(0);
	});
});
