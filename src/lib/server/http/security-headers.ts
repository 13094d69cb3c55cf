/**
 * The security headers every answer carries: pages, API answers, static files and errors. A
 * page's own Content-Security-Policy comes from SvelteKit (`kit.csp` in svelte.config.js, with a
 * nonce per page); every other answer gets one that allows nothing, so a JSON or file answer
 * opened as a document can run nothing and be framed by nobody. A route's own Referrer-Policy
 * (`no-referrer` on pages whose URL holds a secret, such as `/s/<token>`) is kept.
 */

/** The CSP of answers that are not pages. */
const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'";

/** HSTS for a deployment served over https: a year, with subdomains. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The headers to add to an answer that has `existing` ones, for a server whose public origin
 * is `origin`. Only headers the answer does not already set are returned.
 */
export function securityHeaders(
	existing: { has(name: string): boolean },
	origin: string
): Record<string, string> {
	const headers: Record<string, string> = {
		'x-frame-options': 'DENY',
		'x-content-type-options': 'nosniff'
	};
	if (!existing.has('referrer-policy')) {
		headers['referrer-policy'] = 'strict-origin-when-cross-origin';
	}
	if (!existing.has('content-security-policy')) headers['content-security-policy'] = NON_PAGE_CSP;
	if (origin.startsWith('https:')) headers['strict-transport-security'] = HSTS;
	return headers;
}
