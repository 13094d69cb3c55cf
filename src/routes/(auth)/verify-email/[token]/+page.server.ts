import { redirect } from '@sveltejs/kit';
import { describeVerification, verifyEmail } from '$lib/server/email-verification';
import { clientAddress } from '$lib/server/http/client-address';
import { formFailure, requireFormUser } from '$lib/server/http/form';
import { pageError } from '$lib/server/http/page-error';
import type { Actions, PageServerLoad } from './$types';

/**
 * The link in the verification email. Opening it changes nothing (mail scanners open links):
 * the page names the address, and the account's holder, signed in, confirms it with a click.
 */
export const load: PageServerLoad = async (event) => {
	// The token in the URL never leaves for another site; `no-referrer` would also blank the
	// Origin of this page's own form posts, which SvelteKit's CSRF check then refuses.
	event.setHeaders({ 'referrer-policy': 'same-origin', 'cache-control': 'no-store' });
	try {
		const pending = await describeVerification(event.params.token, clientAddress(event));
		const user = event.locals.user;
		return {
			email: pending.email,
			signedInAs: user?.email ?? null,
			isOwnAccount: user?.id === pending.userId
		};
	} catch (cause) {
		pageError(cause);
	}
};

export const actions: Actions = {
	confirm: async (event) => {
		const user = requireFormUser(event);
		let granted: number;
		try {
			const verified = await verifyEmail(event.params.token, clientAddress(event), user.id);
			granted = verified.grantedWorkbooks;
		} catch (error) {
			return formFailure(error);
		}
		// The token is spent: this page could not load again, so the thanks live on a page of
		// their own.
		redirect(303, `/verify-email/confirmed?workbooks=${granted}`);
	}
};
