import { fail } from '@sveltejs/kit';
import { invalidateUserSession, invalidateUserSessions, listUserSessions } from '$lib/server/auth';
import { isEmailVerified, resendVerificationEmail } from '$lib/server/email-verification';
import { field, formFailure, requireFormUser } from '$lib/server/http/form';
import { describeSession } from '$lib/server/session-summary';
import { changeName, changePassword } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const sessions = await listUserSessions(locals.user!.id);
	return {
		sessions: sessions.map((session) => describeSession(session, locals.session?.id)),
		emailVerified: await isEmailVerified(locals.user!.id)
	};
};

export const actions: Actions = {
	name: async (event) => {
		const { request } = event;
		const user = requireFormUser(event);
		const data = await request.formData();
		try {
			await changeName(user.id, field(data, 'name'));
		} catch (error) {
			return formFailure(error, { form: 'name', values: { name: field(data, 'name') } });
		}
		return { form: 'name', saved: true };
	},
	password: async (event) => {
		const { request, locals } = event;
		const user = requireFormUser(event);
		const data = await request.formData();
		try {
			await changePassword(
				user.id,
				field(data, 'currentPassword'),
				field(data, 'newPassword'),
				locals.session?.id
			);
			await invalidateUserSessions(user.id, locals.session?.id);
		} catch (error) {
			return formFailure(error, { form: 'password' });
		}
		return { form: 'password', saved: true };
	},
	resendVerification: async (event) => {
		const user = requireFormUser(event);
		try {
			await resendVerificationEmail(user.id, user.email, event.url.origin);
		} catch (error) {
			return formFailure(error, { form: 'verification' });
		}
		return { form: 'verification', saved: true };
	},
	endSession: async (event) => {
		const { request, locals } = event;
		const user = requireFormUser(event);
		const sessionId = field(await request.formData(), 'sessionId');
		if (sessionId === locals.session?.id) {
			return fail(400, { form: 'sessions', message: 'Use “Log out” to end this session.' });
		}
		await invalidateUserSession(user.id, sessionId);
		return { form: 'sessions', saved: true };
	},
	endOtherSessions: async (event) => {
		const { locals } = event;
		const user = requireFormUser(event);
		await invalidateUserSessions(user.id, locals.session?.id);
		return { form: 'sessions', saved: true };
	}
};
