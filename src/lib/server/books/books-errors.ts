/** Mapping the books features' core errors onto the API's AppErrors. */
import { BooksError } from '../../core/books/errors';
import { AppError } from '../errors';
import { coreErrorToAppError, inRoom } from '../workbook-cells';

/** A BooksError as an AppError with its status; other core errors as workbook-cells maps them. */
export function booksErrorToAppError(error: unknown): unknown {
	if (error instanceof BooksError) return new AppError(error.status, error.code, error.message);
	return coreErrorToAppError(error);
}

/** {@link inRoom} for the books features: their core errors become 4xx with their status. */
export async function inBooksRoom<T>(run: () => Promise<{ value: T } | null>): Promise<T> {
	try {
		return await inRoom(run);
	} catch (error) {
		throw booksErrorToAppError(error);
	}
}
