/**
 * Password rules and hashing. Argon2id with OWASP's minimum parameters (19 MiB, 2 iterations,
 * parallelism 1); 8 to 256 characters; refused when on a list of ~49,000 common passwords.
 */
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { invalidInput } from './errors';

const ARGON2ID = 2;
const HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

let commonPasswords: Set<string> | undefined;

function isCommonPassword(password: string): boolean {
	commonPasswords ??= new Set(dictionary['passwords-common']);
	return commonPasswords.has(password.toLowerCase());
}

/** Why `password` is unacceptable, or null when it may be used. */
export function passwordProblem(password: unknown): string | null {
	if (typeof password !== 'string' || password.length < PASSWORD_MIN_LENGTH) {
		return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
	}
	if (password.length > PASSWORD_MAX_LENGTH) {
		return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
	}
	if (isCommonPassword(password)) {
		return 'This password is too common; choose one that is harder to guess.';
	}
	return null;
}

/** Throws a 400 naming `field` when `password` breaks the rules. */
export function assertAcceptablePassword(password: unknown, field = 'password'): string {
	const problem = passwordProblem(password);
	if (problem) throw invalidInput(problem, field);
	return password as string;
}

/** The Argon2id hash of `password` in PHC string form. */
export function hashPassword(password: string): Promise<string> {
	return hash(password, HASH_OPTIONS);
}

/** Whether `password` matches `passwordHash`; false (not an exception) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}
