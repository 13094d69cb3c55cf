import { redirect } from '@sveltejs/kit';
import { field, formFailure } from '$lib/server/http/form';
import { safeRedirectTarget } from '$lib/server/http/redirect-target';
import { logIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
};

export const actions: Actions = {
	default: async (event) => {
		const data = await event.request.formData();
		const email = field(data, 'email');
		try {
			await logIn(event, email, field(data, 'password'));
		} catch (error) {
			return formFailure(error, { values: { email } });
		}
		redirect(303, safeRedirectTarget(event.url.searchParams.get('redirectTo')));
	}
};
