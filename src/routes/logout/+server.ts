import { redirect } from '@sveltejs/kit';
import { logOut } from '$lib/server/sign-in';
import type { RequestHandler } from './$types';

/** The header's log-out button posts here (SvelteKit refuses cross-site form posts). */
export const POST: RequestHandler = async (event) => {
	await logOut(event);
	redirect(303, '/login');
};
