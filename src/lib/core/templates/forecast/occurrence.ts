/**
 * The rule that expands an obligation into the weeks of the forecast, as one spreadsheet
 * formula per obligation × week. Weeks are 7-day windows [week start, week start + 6].
 *
 * An obligation occurs on these dates, never before its start nor after its end (if any):
 * - `weekly`: start, start + 7, start + 14, …;
 * - `monthly`: the start's day of the month in every month from the start, EDATE(start, k);
 *   in a month without that day (the 31st in April) on the month's last day, as EDATE does;
 * - `quarterly`: the same every third month, EDATE(start, 3k);
 * - `once`: on the start date only;
 * - anything else: never.
 * Each of these series has at most one date in any 7-day week. The formula finds the first
 * occurrence on or after the week's start and counts the obligation in the week when that date
 * is on or before both the week's end and the obligation's end. For monthly and quarterly: with
 * m the months from the start's month to the week start's month, the first month offset whose
 * date is on or after the week start is m, or m + 1 when EDATE(start, m) falls before the week
 * start (never below 0); rounded up to a multiple of the step (1 or 3) it gives the occurrence.
 */

/** Excel's last date (9999-12-31): "no occurrence". */
export const NO_DATE = 2958465;

/** Cells of one obligation and one week, as references usable in a formula. */
export interface OccurrenceRefs {
	frequency: string;
	start: string;
	/** Months between occurrences: 1 monthly, 3 quarterly, 0 otherwise. */
	step: string;
	/** YEAR(start) * 12 + MONTH(start). */
	startMonth: string;
	weekStart: string;
	/** YEAR(week start) * 12 + MONTH(week start). */
	weekMonth: string;
}

/**
 * The formula (without `=`) of the first date on or after the week's start on which the
 * obligation occurs, or {@link NO_DATE}.
 */
export function nextOccurrenceFormula(refs: OccurrenceRefs): string {
	const { frequency, start, step, startMonth, weekStart, weekMonth } = refs;
	const months = `${weekMonth}-${startMonth}`;
	const firstOffset = `MAX(0,${months}+(EDATE(${start},MAX(0,${months}))<${weekStart}))`;
	const monthly = `IF(${step}>0,EDATE(${start},${step}*CEILING(${firstOffset}/${step},1)),${NO_DATE})`;
	const weekly = `${start}+7*CEILING(MAX(0,${weekStart}-${start})/7,1)`;
	const once = `IF(${start}>=${weekStart},${start},${NO_DATE})`;
	return `IF(${frequency}="weekly",${weekly},IF(${frequency}="once",${once},${monthly}))`;
}
