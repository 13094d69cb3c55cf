/**
 * Secret tokens (session cookies, share links): 160 random bits, base32 so they are cookie- and
 * URL-safe; stored only as their SHA-256, so a database leak reveals no usable token.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** What every token looks like: 32 base32 characters. */
export const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

/** A new random token (20 bytes, 160 bits). */
export function generateToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The hex SHA-256 of a token: the only form in which tokens are stored. */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
