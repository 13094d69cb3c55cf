import { redirect } from '@sveltejs/kit';
import { clientAddress } from '$lib/server/http/client-address';
import { field, formFailure } from '$lib/server/http/form';
import { pageError } from '$lib/server/http/page-error';
import { checkPasswordResetToken, confirmPasswordReset } from '$lib/server/password-reset';
import type { Actions, PageServerLoad } from './$types';

/** The link in a reset email: a form for the new password while the token is usable. */
export const load: PageServerLoad = async (event) => {
	// The token in the URL never leaves for another site; `no-referrer` would also blank the
	// Origin of this page's own form posts, which SvelteKit's CSRF check then refuses.
	event.setHeaders({ 'referrer-policy': 'same-origin', 'cache-control': 'no-store' });
	try {
		await checkPasswordResetToken(event.params.token, clientAddress(event));
	} catch (cause) {
		pageError(cause);
	}
};

export const actions: Actions = {
	default: async (event) => {
		const password = field(await event.request.formData(), 'password');
		try {
			await confirmPasswordReset(event.params.token, password, clientAddress(event));
		} catch (error) {
			return formFailure(error);
		}
		redirect(303, '/login?reset=1');
	}
};
