import type { RequestEvent } from '@sveltejs/kit';

/**
 * The client's address as adapter-node reports it (honouring `ADDRESS_HEADER` behind a proxy),
 * or `unknown` where there is none (a request built in a test): the key of per-address throttles.
 */
export function clientAddress(event: RequestEvent): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}
