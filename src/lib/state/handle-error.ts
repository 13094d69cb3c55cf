/**
 * The one place UI failures go: a toast the person can read, and the detail in the console for
 * us. Errors the workbook core throws for bad input (typed `WorkbookError`s) carry a message
 * written for people, so that message is shown instead of the generic one.
 */
import { WorkbookError } from '$lib/core/errors';
import { toasts } from './toasts.svelte';

/** Shows `message` (or a core error's own explanation) as an error toast and logs `error`. */
export function handleError(error: unknown, message: string): void {
	if (error instanceof WorkbookError) {
		toasts.show(error.message, 'error');
		return;
	}
	console.error(message, error);
	toasts.show(message, 'error');
}
