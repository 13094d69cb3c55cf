/**
 * Errors of the books features (bank statement import, categorisation rules, Schedule E). Each
 * carries the HTTP status the API answers with, so routes map them without knowing the cases.
 */
import { WorkbookError } from '../errors';

/** A bank file, mapping, rule or report request the books features refuse; nothing changes. */
export class BooksError extends WorkbookError {
	/** 400 bad input, 404 missing sheet or rule, 413 too large, 422 well-formed but unusable. */
	readonly status: 400 | 404 | 413 | 422;

	constructor(code: string, message: string, status: 400 | 404 | 413 | 422 = 400) {
		super(code, message, status === 404 ? 'missing' : 'invalid');
		this.status = status;
	}
}
