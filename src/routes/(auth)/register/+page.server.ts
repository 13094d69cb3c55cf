import { redirect } from '@sveltejs/kit';
import { field, formFailure } from '$lib/server/http/form';
import { startSession } from '$lib/server/sign-in';
import { registerUser } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/');
};

export const actions: Actions = {
	default: async (event) => {
		const data = await event.request.formData();
		const values = { email: field(data, 'email'), name: field(data, 'name') };
		try {
			const user = await registerUser({ ...values, password: field(data, 'password') });
			await startSession(event, user);
		} catch (error) {
			return formFailure(error, { values });
		}
		redirect(303, '/');
	}
};
