/** Where every redirect target is resolved: only its path, query and fragment are ever kept. */
const PLACEHOLDER_ORIGIN = 'http://investflow.invalid';

/**
 * A same-site path to go to after logging in; anything else becomes `/`. The value must be a
 * plain path (`/…`): control characters (a tab or newline, which browsers strip, turning
 * `/\t/evil.test` into `//evil.test`), backslashes (which browsers read as slashes) and a
 * leading `//` are refused outright, and what remains is parsed with `new URL` against an
 * origin of our own, which it must not leave.
 */
export function safeRedirectTarget(value: string | null): string {
	if (!value || !value.startsWith('/') || value.startsWith('//')) return '/';
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
	let parsed: URL;
	try {
		parsed = new URL(value, PLACEHOLDER_ORIGIN);
	} catch {
		return '/';
	}
	if (parsed.origin !== PLACEHOLDER_ORIGIN || parsed.pathname.startsWith('//')) return '/';
	return parsed.pathname + parsed.search + parsed.hash;
}
