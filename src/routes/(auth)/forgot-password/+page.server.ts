import { clientAddress } from '$lib/server/http/client-address';
import { field, formFailure } from '$lib/server/http/form';
import { requestPasswordReset } from '$lib/server/password-reset';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const email = field(await event.request.formData(), 'email');
		try {
			await requestPasswordReset(email, clientAddress(event), event.url.origin);
		} catch (error) {
			return formFailure(error, { values: { email } });
		}
		return { sent: true, values: { email } };
	}
};
