import type { SubmitFunction } from '@sveltejs/kit';

/**
 * A `use:enhance` callback that reports while the form is on its way (to disable its button) and
 * keeps what the person typed when the server answers with a failure.
 */
export function trackPendingSubmit(onPending: (pending: boolean) => void): SubmitFunction {
	return () => {
		onPending(true);
		return async ({ update }) => {
			await update({ reset: false });
			onPending(false);
		};
	};
}
