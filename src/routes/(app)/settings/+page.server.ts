import { fail } from '@sveltejs/kit';
import { invalidateUserSession, invalidateUserSessions, listUserSessions } from '$lib/server/auth';
import { field, formFailure } from '$lib/server/http/form';
import { describeSession } from '$lib/server/session-summary';
import { changeName, changePassword } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const sessions = await listUserSessions(locals.user!.id);
	return { sessions: sessions.map((session) => describeSession(session, locals.session?.id)) };
};

export const actions: Actions = {
	name: async ({ request, locals }) => {
		const data = await request.formData();
		try {
			await changeName(locals.user!.id, field(data, 'name'));
		} catch (error) {
			return formFailure(error, { form: 'name', values: { name: field(data, 'name') } });
		}
		return { form: 'name', saved: true };
	},
	password: async ({ request, locals }) => {
		const data = await request.formData();
		try {
			await changePassword(
				locals.user!.id,
				field(data, 'currentPassword'),
				field(data, 'newPassword')
			);
			await invalidateUserSessions(locals.user!.id, locals.session?.id);
		} catch (error) {
			return formFailure(error, { form: 'password' });
		}
		return { form: 'password', saved: true };
	},
	endSession: async ({ request, locals }) => {
		const sessionId = field(await request.formData(), 'sessionId');
		if (sessionId === locals.session?.id) {
			return fail(400, { form: 'sessions', message: 'Use “Log out” to end this session.' });
		}
		await invalidateUserSession(locals.user!.id, sessionId);
		return { form: 'sessions', saved: true };
	},
	endOtherSessions: async ({ locals }) => {
		await invalidateUserSessions(locals.user!.id, locals.session?.id);
		return { form: 'sessions', saved: true };
	}
};
