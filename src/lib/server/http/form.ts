/**
 * Turns a domain error into a form failure the page can show beside the offending field.
 */
import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { AppError } from '../errors';
import { getLogger } from '../logger';

export interface FormProblem {
	/** The form the problem belongs to, when a page has several. */
	form?: string;
	field?: string;
	message: string;
	values?: Record<string, string>;
}

/** `fail(status, {...})` for an AppError; any other error is logged and reported generically. */
export function formFailure(
	error: unknown,
	extra: Omit<FormProblem, 'message' | 'field'> = {}
): ActionFailure<FormProblem> {
	if (error instanceof AppError) {
		return fail(error.status, { ...extra, field: error.field, message: error.message });
	}
	getLogger().error({ err: error }, 'form action failed');
	return fail(500, { ...extra, message: 'Something went wrong on our side. Please try again.' });
}

/** A form field as a string ('' when absent or a file). */
export function field(data: FormData, name: string): string {
	const value = data.get(name);
	return typeof value === 'string' ? value : '';
}

/**
 * The signed-in user of a form action, or a redirect to the login page (coming back to `url`).
 * Actions run before any layout `load`, so the (app) layout's guard does not cover them.
 */
export function requireFormUser(event: {
	locals: App.Locals;
	url: URL;
}): NonNullable<App.Locals['user']> {
	if (!event.locals.user) {
		redirect(303, `/login?redirectTo=${encodeURIComponent(event.url.pathname)}`);
	}
	return event.locals.user;
}
