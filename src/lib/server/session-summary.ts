import type { Session } from './db/schema';

export interface SessionSummary {
	id: string;
	createdAt: string;
	lastUsedAt: string;
	expiresAt: string;
	userAgent: string | null;
	ipAddress: string | null;
	current: boolean;
}

/**
 * What a user may see of one of their sessions. The id is the token's hash, so showing it reveals
 * nothing that could be used to sign in.
 */
export function describeSession(session: Session, currentSessionId?: string): SessionSummary {
	return {
		id: session.id,
		createdAt: session.createdAt.toISOString(),
		lastUsedAt: session.lastUsedAt.toISOString(),
		expiresAt: session.expiresAt.toISOString(),
		userAgent: session.userAgent,
		ipAddress: session.ipAddress,
		current: session.id === currentSessionId
	};
}
