import { redirect } from '@sveltejs/kit';
import { field, formFailure, requireFormUser } from '$lib/server/http/form';
import {
	createWorkbook,
	deleteWorkbook,
	listWorkbooks,
	renameWorkbook
} from '$lib/server/workbooks';
import { TEMPLATE_LIST } from '$lib/server/workbook-content';
import { readPortfolio } from '$lib/server/portfolio/portfolio';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) return { signedIn: false as const };
	const [workbooks, portfolio] = await Promise.all([
		listWorkbooks(locals.user.id),
		readPortfolio(locals.user.id)
	]);
	return {
		signedIn: true as const,
		portfolio,
		templates: TEMPLATE_LIST.map(({ id, title }) => ({ id, title })),
		workbooks: workbooks.map((workbook) => ({
			id: workbook.id,
			title: workbook.title,
			role: workbook.role,
			updatedAt: workbook.updatedAt.toISOString(),
			lastEditedBy: workbook.lastEditedBy?.name ?? null,
			editedByMe: workbook.lastEditedBy?.id === locals.user?.id
		}))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireFormUser(event);
		const { request } = event;
		const data = await request.formData();
		let id: string;
		try {
			const template = field(data, 'template') || 'blank';
			id = (await createWorkbook(user.id, { title: field(data, 'title'), template })).id;
		} catch (error) {
			return formFailure(error, { form: 'create', values: { title: field(data, 'title') } });
		}
		redirect(303, `/workbooks/${id}`);
	},
	rename: async (event) => {
		const user = requireFormUser(event);
		const { request } = event;
		const data = await request.formData();
		const id = field(data, 'id');
		try {
			await renameWorkbook(user.id, id, field(data, 'title'));
		} catch (error) {
			return formFailure(error, { form: `rename:${id}`, values: { title: field(data, 'title') } });
		}
		return { form: `rename:${id}`, saved: true };
	},
	delete: async (event) => {
		const user = requireFormUser(event);
		const { request } = event;
		const id = field(await request.formData(), 'id');
		try {
			await deleteWorkbook(user.id, id);
		} catch (error) {
			return formFailure(error, { form: 'delete' });
		}
		return { form: 'delete', saved: true };
	}
};
