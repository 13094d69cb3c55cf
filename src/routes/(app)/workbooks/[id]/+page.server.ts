import { error, redirect } from '@sveltejs/kit';
import { AppError } from '$lib/server/errors';
import { getLogger } from '$lib/server/logger';
import { getWorkbookSummary } from '$lib/server/workbooks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = locals.user;
	if (!user) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	try {
		const summary = await getWorkbookSummary(user.id, params.id);
		return {
			user: { id: user.id, name: user.name },
			workbook: { id: summary.id, title: summary.title, role: summary.role }
		};
	} catch (caught) {
		if (caught instanceof AppError && (caught.status === 404 || caught.status === 403)) {
			error(404, 'This workbook does not exist, or it has not been shared with you.');
		}
		getLogger().error({ err: caught }, 'loading a workbook failed');
		error(500, 'The workbook could not be opened. Please try again.');
	}
};
