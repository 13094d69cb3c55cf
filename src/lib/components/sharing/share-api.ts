/**
 * The share dialog's calls to the JSON API (same origin, the session cookie rides along). Each
 * throws an Error carrying the server's message, for `handleError` to show.
 */
export type GrantableRole = 'editor' | 'viewer';

export interface Member {
	userId: string;
	name: string;
	email: string;
	role: 'owner' | 'editor' | 'viewer';
}

export interface Invite {
	email: string;
	role: GrantableRole;
	createdAt: string;
}

export interface ShareLink {
	id: string;
	label: string;
	createdAt: string;
	expiresAt: string | null;
	lastUsedAt: string | null;
	expired: boolean;
	/** Present only in the answer that created the link. */
	url?: string;
}

export interface ShareEvent {
	id: number;
	kind: string;
	actor: { id: string; name: string } | null;
	subject: string | null;
	detail: string | null;
	createdAt: string;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
	const response = await fetch(path, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	if (response.status === 204) return undefined as T;
	const payload = await response.json().catch(() => null);
	if (!response.ok) {
		throw new Error(payload?.error?.message ?? `The server answered ${response.status}.`);
	}
	return payload as T;
}

/** The sharing API of one workbook. */
export function shareApi(workbookId: string) {
	const base = `/api/v1/workbooks/${encodeURIComponent(workbookId)}`;
	return {
		members: () => call<{ members: Member[]; invites: Invite[] }>('GET', `${base}/members`),
		invite: (email: string, role: GrantableRole) =>
			call<{ status: 'invited'; email: string; url: string; emailed: boolean }>(
				'POST',
				`${base}/members`,
				{ email, role }
			),
		withdrawInvite: (email: string) =>
			call('DELETE', `${base}/invites/${encodeURIComponent(email)}`),
		changeRole: (userId: string, role: GrantableRole) =>
			call('PATCH', `${base}/members/${userId}`, { role }),
		remove: (userId: string) => call('DELETE', `${base}/members/${userId}`),
		transfer: (userId: string) => call('PUT', `${base}/owner`, { userId }),
		links: () => call<{ links: ShareLink[] }>('GET', `${base}/links`),
		createLink: (label: string, expiresAt: string | null) =>
			call<ShareLink & { url: string }>('POST', `${base}/links`, { label, expiresAt }),
		revokeLink: (linkId: string) => call('DELETE', `${base}/links/${linkId}`),
		events: () => call<{ events: ShareEvent[] }>('GET', `${base}/share-events`)
	};
}

const EVENT_TEXT: Record<string, string> = {
	invite: 'invited',
	role_change: 'changed the role of',
	removal: 'removed',
	leave: 'left',
	ownership_transfer: 'handed ownership to',
	link_created: 'created the link',
	link_used: 'Someone opened the link',
	link_revoked: 'revoked the link',
	invite_accepted: 'accepted the invitation for'
};

/** One line of the audit trail for people, e.g. "Ann invited bo@x.com as viewer". */
export function describeShareEvent(event: ShareEvent, names: Map<string, string>): string {
	const who = event.actor?.name ?? '';
	const subject = event.subject ? (names.get(event.subject) ?? event.subject) : '';
	switch (event.kind) {
		case 'link_used':
			return `${EVENT_TEXT.link_used} “${event.detail ?? ''}”`;
		case 'link_created':
		case 'link_revoked':
			return `${who} ${EVENT_TEXT[event.kind]} “${event.detail ?? ''}”`;
		case 'leave':
			return `${who} left`;
		case 'invite':
		case 'role_change':
		case 'invite_accepted':
			return `${who} ${EVENT_TEXT[event.kind]} ${subject} as ${event.detail ?? ''}`;
		default:
			return `${who} ${EVENT_TEXT[event.kind] ?? event.kind} ${subject}`.trim();
	}
}
