import { describe, expect, it } from 'vitest';
import { backoffDelay, describeTerminalClose, MAX_BACKOFF_MS } from './connection';

describe('backoffDelay', () => {
	it('grows exponentially from 200 ms and never passes the cap', () => {
		expect(backoffDelay(1, () => 1)).toBe(200);
		expect(backoffDelay(3, () => 1)).toBe(800);
		expect(backoffDelay(30, () => 1)).toBe(MAX_BACKOFF_MS);
	});

	it('jitters between half and all of the ceiling', () => {
		expect(backoffDelay(4, () => 0)).toBe(800);
		expect(backoffDelay(4, () => 0.5)).toBe(1200);
	});
});

describe('describeTerminalClose', () => {
	it('explains the collaboration close codes and ignores ordinary ones', () => {
		expect(describeTerminalClose(4404)).toMatch(/deleted/);
		expect(describeTerminalClose(4403)).toMatch(/no longer have access/);
		expect(describeTerminalClose(4401)).toMatch(/Log in again/);
		expect(describeTerminalClose(1006)).toBeNull();
	});
});
