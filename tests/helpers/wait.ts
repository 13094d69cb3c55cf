/**
 * Polling helpers: tests wait for a condition, never for a fixed time.
 */

/** Resolves once `condition()` is truthy (it may be async); rejects after `timeoutMs`. */
export async function waitFor<T>(
	condition: () => T | Promise<T>,
	timeoutMs = 10_000,
	message = 'condition'
): Promise<NonNullable<T>> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await condition();
			if (value) return value as NonNullable<T>;
		} catch (error) {
			lastError = error;
		}
		if (Date.now() > deadline) {
			throw new Error(`Timed out after ${timeoutMs} ms waiting for ${message}`, {
				cause: lastError
			});
		}
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}
