/**
 * Sharing as people do it: the owner invites an address, the invitation arrives by email (the
 * test server's outbox), and the invitee opens its link signed in and accepts.
 */
import { expect } from 'vitest';
import type { ApiClient } from './http-client';
import { newestMailTo, readOutbox } from './outbox';
import type { TestServer } from './server';
import { waitFor } from './wait';

/** The token at the end of an emailed link (`…/invites/<token>`, `…/verify-email/<token>`). */
export function tokenOf(link: string | undefined): string {
	const token = link && /\/([a-z2-7]{32})$/.exec(link)?.[1];
	if (!token) throw new Error(`no token in link ${link}`);
	return token;
}

/** Invites `email` as `role` and returns the link the invitation email carries. */
export async function inviteByEmail(
	server: TestServer,
	owner: ApiClient,
	workbookId: string,
	email: string,
	role: 'editor' | 'viewer'
): Promise<string> {
	const before = readOutbox(server).length;
	const invited = await owner.post<{ status: string; url: string }>(
		`/api/v1/workbooks/${workbookId}/members`,
		{ email, role }
	);
	expect(invited.status, JSON.stringify(invited.body)).toBe(201);
	expect(invited.body).toMatchObject({ status: 'invited', role });
	await waitFor(() => readOutbox(server).length > before, 5_000, 'the invitation email');
	const mail = await newestMailTo(server, email, /shared/);
	expect(mail.link).toBe(invited.body.url);
	return mail.link!;
}

/** Accepts an invitation link as the person signed in on `invitee`. */
export async function acceptInvitation(invitee: ApiClient, link: string): Promise<void> {
	const accepted = await invitee.post('/api/v1/invites/accept', { token: tokenOf(link) });
	expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
}

/** Invites `email` and accepts the emailed link as `invitee`: they are a member afterwards. */
export async function shareWith(
	server: TestServer,
	owner: ApiClient,
	workbookId: string,
	invitee: { client: ApiClient; email: string },
	role: 'editor' | 'viewer'
): Promise<void> {
	const link = await inviteByEmail(server, owner, workbookId, invitee.email, role);
	await acceptInvitation(invitee.client, link);
}
