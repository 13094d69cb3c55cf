/**
 * Typed errors of the workbook templates; like every core error they carry a stable `code`
 * that routes map to a 4xx response.
 */
import { WorkbookError } from '../errors';

/** A template id that is not in the `TEMPLATES` registry. */
export class UnknownTemplateError extends WorkbookError {
	constructor(templateId: string) {
		super('unknown_template', `There is no workbook template "${templateId}".`);
	}
}

/** A template may only fill a document that has no sheets or names yet. */
export class WorkbookNotEmptyError extends WorkbookError {
	constructor() {
		super(
			'workbook_not_empty',
			'A template can only fill a new, empty workbook; this one already has sheets or names.'
		);
	}
}
