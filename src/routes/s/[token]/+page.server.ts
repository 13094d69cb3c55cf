import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { getDb } from '$lib/server/db';
import { workbook, workbookVersion } from '$lib/server/db/schema';
import { clientAddress } from '$lib/server/http/client-address';
import { pageError } from '$lib/server/http/page-error';
import { resolveShareLinkToken } from '$lib/server/sharing/links';
import type { PageServerLoad } from './$types';

/** A view-only link: no account needed; the token never leaves in a Referer header. */
export const load: PageServerLoad = async (event) => {
	const { params, setHeaders } = event;
	setHeaders({ 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' });
	// An address that guessed too many tokens gets the throttle's 429 page, not a 500.
	const link = await resolveShareLinkToken(params.token, clientAddress(event)).catch(pageError);
	if (!link) {
		error(404, 'This link does not open anything: it may have been revoked or have expired.');
	}
	const db = await getDb();
	const [found] = await db
		.select({ id: workbook.id, title: workbook.title })
		.from(workbook)
		.where(eq(workbook.id, link.workbookId));
	if (!found) error(404, 'The workbook behind this link no longer exists.');
	// A link pinned to a named version shows that version, never the live workbook.
	let version: { id: string; name: string; createdAt: string } | null = null;
	if (link.versionId) {
		const [pinned] = await db
			.select({ id: workbookVersion.id, name: workbookVersion.name, at: workbookVersion.createdAt })
			.from(workbookVersion)
			.where(eq(workbookVersion.id, link.versionId));
		if (!pinned) error(404, 'The version behind this link no longer exists.');
		version = { id: pinned.id, name: pinned.name ?? 'Unnamed', createdAt: pinned.at.toISOString() };
	}
	return { workbook: found, token: params.token, version };
};
