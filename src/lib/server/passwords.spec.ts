import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';

describe('passwordProblem', () => {
	it('accepts a long uncommon passphrase', () => {
		expect(passwordProblem('tidal-orchid-ledger-42')).toBeNull();
	});

	it('refuses fewer than 8 or more than 256 characters', () => {
		expect(passwordProblem('short1!')).toMatch(/at least 8/);
		expect(passwordProblem('x'.repeat(257))).toMatch(/at most 256/);
		expect(passwordProblem('x'.repeat(256).replace(/x$/, 'y'))).toBeNull();
	});

	it('refuses passwords on the common-password list, whatever their case', () => {
		expect(passwordProblem('password1')).toMatch(/too common/);
		expect(passwordProblem('Iloveyou123')).toMatch(/too common/);
	});

	it('refuses a value that is not a string', () => {
		expect(passwordProblem(undefined)).not.toBeNull();
		expect(passwordProblem(12345678)).not.toBeNull();
	});
});

describe('hashPassword', () => {
	it('produces an Argon2id hash with 19 MiB, 2 iterations, parallelism 1', async () => {
		const hash = await hashPassword('tidal-orchid-ledger-42');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(hash, 'tidal-orchid-ledger-42')).toBe(true);
		expect(await verifyPassword(hash, 'tidal-orchid-ledger-43')).toBe(false);
	});

	it('treats a malformed stored hash as a mismatch', async () => {
		expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
	});
});
