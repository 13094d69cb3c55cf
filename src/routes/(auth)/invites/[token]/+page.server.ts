import { redirect } from '@sveltejs/kit';
import { clientAddress } from '$lib/server/http/client-address';
import { formFailure, requireFormUser } from '$lib/server/http/form';
import { pageError } from '$lib/server/http/page-error';
import { acceptInvite, describeInvite } from '$lib/server/sharing/invites';
import type { Actions, PageServerLoad } from './$types';

/** An invitation link: shows what it offers; accepting needs a signed-in person and a click. */
export const load: PageServerLoad = async (event) => {
	// The token in the URL never leaves for another site; `no-referrer` would also blank the
	// Origin of this page's own form posts, which SvelteKit's CSRF check then refuses.
	event.setHeaders({ 'referrer-policy': 'same-origin', 'cache-control': 'no-store' });
	try {
		const offer = await describeInvite(event.params.token, clientAddress(event));
		return { offer, signedInAs: event.locals.user?.email ?? null };
	} catch (cause) {
		pageError(cause);
	}
};

export const actions: Actions = {
	accept: async (event) => {
		const user = requireFormUser(event);
		let workbookId: string;
		try {
			({ workbookId } = await acceptInvite(event.params.token, user.id, clientAddress(event)));
		} catch (error) {
			return formFailure(error);
		}
		redirect(303, `/workbooks/${workbookId}`);
	}
};
