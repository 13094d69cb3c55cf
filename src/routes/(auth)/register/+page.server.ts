import { redirect } from '@sveltejs/kit';
import { field, formFailure } from '$lib/server/http/form';
import { safeRedirectTarget } from '$lib/server/http/redirect-target';
import { register } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
};

export const actions: Actions = {
	default: async (event) => {
		const data = await event.request.formData();
		const values = { email: field(data, 'email'), name: field(data, 'name') };
		try {
			await register(event, { ...values, password: field(data, 'password') });
		} catch (error) {
			return formFailure(error, { values });
		}
		redirect(303, safeRedirectTarget(event.url.searchParams.get('redirectTo')));
	}
};
