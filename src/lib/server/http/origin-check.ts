/**
 * Cross-site request refusal for the JSON API. SvelteKit already refuses cross-origin form posts;
 * this applies the same rule to every state-changing request that carries the session cookie.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request must be refused: a state-changing method, a session cookie, and an `Origin`
 * header naming another site. Requests without `Origin` (CLIs, server-to-server) pass: browsers
 * always send it on cross-site writes.
 */
export function isForeignOriginWrite(
	method: string,
	originHeader: string | null,
	hasSessionCookie: boolean,
	allowedOrigin: string
): boolean {
	if (SAFE_METHODS.has(method.toUpperCase()) || !hasSessionCookie || originHeader === null) {
		return false;
	}
	return originHeader !== allowedOrigin;
}
