import { json } from '@sveltejs/kit';
import { TEMPLATE_LIST } from '$lib/server/workbook-content';
import type { RequestHandler } from './$types';

/** The templates a workbook can be created from: `{ templates: [{ id, title, description }] }`. */
export const GET: RequestHandler = () => json({ templates: TEMPLATE_LIST });
