/**
 * Connection policy for the collaboration socket: what a close code means to a person, and the
 * reconnect delay with jitter so that many browsers cut off by the same outage do not all come
 * back in the same instant.
 */
import { CloseCode } from '$lib/collab/protocol';

/** What the status indicator shows. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** Longest wait between reconnect attempts, in milliseconds. */
export const MAX_BACKOFF_MS = 10_000;

/**
 * The delay before reconnect attempt `attempt` (1 for the first retry): exponential from 200 ms,
 * capped at {@link MAX_BACKOFF_MS}, then "full jitter" between half and all of it. `random` is
 * injectable for tests.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
	const ceiling = Math.min(2 ** Math.max(1, attempt) * 100, MAX_BACKOFF_MS);
	return Math.round(ceiling * (0.5 + random() * 0.5));
}

/** The sentence shown when the server ends the connection for good (4401/4403/4404), or null. */
export function describeTerminalClose(code: number): string | null {
	switch (code) {
		case CloseCode.unauthorized:
			return 'Your session has ended. Log in again to keep editing.';
		case CloseCode.forbidden:
			return 'You no longer have access to this workbook.';
		case CloseCode.notFound:
			return 'This workbook has been deleted, or you no longer have access to it.';
		default:
			return code >= 4400 && code < 4500 ? 'The server closed this workbook.' : null;
	}
}
