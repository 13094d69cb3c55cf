/**
 * Toolbar helpers for number formats: more or fewer decimal places on an Excel format code,
 * and which preset a code is, so the toolbar can show it pressed.
 */

/**
 * The format code with `delta` more (or fewer) decimal places on each of its sections; General
 * becomes `0.00`-style first. Never goes below 0 or above 10 places.
 */
export function adjustDecimals(format: string | undefined, delta: number): string {
	const code = !format || format === 'General' ? '#,##0.00' : format;
	if (!format || format === 'General') {
		return delta > 0 ? '#,##0.000' : '#,##0.0';
	}
	return code
		.split(';')
		.map((section) =>
			section.replace(
				/(0+)(\.(0*))?(?![^"]*"(?:[^"]*"[^"]*")*[^"]*$)/,
				(_all, ints: string, _dot, decimals = '') => {
					const places = Math.max(0, Math.min(10, decimals.length + delta));
					return places === 0 ? ints : `${ints}.${'0'.repeat(places)}`;
				}
			)
		)
		.join(';');
}
