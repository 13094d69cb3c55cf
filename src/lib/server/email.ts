import { invalidInput } from './errors';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Lower-cases and trims an email address; throws 400 (field `email`) when it is not one. */
export function normaliseEmail(email: unknown): string {
	const normalised = typeof email === 'string' ? email.trim().toLowerCase() : '';
	if (normalised.length > 254 || !EMAIL_PATTERN.test(normalised)) {
		throw invalidInput('Enter a valid email address.', 'email');
	}
	return normalised;
}
