/**
 * When an obligation falls due, twice over: {@link expandOccurrences} lists the dates in plain
 * TypeScript (the rule as specified, and the oracle the template's specs check the workbook
 * against), and the `…Formula` functions write the same rule as spreadsheet formulas, so the
 * workbook computes every date itself, visibly, and follows any edit.
 *
 * An obligation occurs never before its start nor after its end (when it has one):
 * - `weekly` / `bi-weekly`: start, start + 7 (or 14), …;
 * - `monthly` / `quarterly` / `annual`: once in the start's month and every 1, 3 or 12 months
 *   after, on the day its day rule picks in that month: `same day` (the start's day of the
 *   month, or the month's last day when it is shorter, as EDATE), `last day`, or `last business
 *   day` (the last Monday–Friday of the month; holidays are not known);
 * - `one-off`: on the start only;
 * - any other frequency: never (the Obligations sheet flags it).
 *
 * The formulas work on one cell per input (one obligation) or on whole columns (every
 * obligation at once, inside SUMPRODUCT), because they use only element-wise operations: `*`
 * for "and", IF rather than MIN/MAX/AND, which would aggregate an array. A window [from, to]
 * spans at most two calendar months (a week, or one month); facts that depend on the window
 * only — its months and their last (business) days — sit in helper cells ({@link WindowRefs}).
 */
import { dateFromSerial, serialFromDate } from '../../values';

/** Excel's last date (9999-12-31): the end of an obligation without one. */
export const NO_DATE = 2958465;

export const FREQUENCIES = ['weekly', 'bi-weekly', 'monthly', 'quarterly', 'annual', 'one-off'];
export const DAY_RULES = ['same day', 'last day', 'last business day'];

/** An obligation's timing, with dates as serial numbers. */
export interface Timing {
	frequency: string;
	start: number;
	end?: number;
	dayRule?: string;
}

const DAYS: Record<string, number> = { weekly: 7, 'bi-weekly': 14 };
const MONTHS: Record<string, number> = { monthly: 1, quarterly: 3, annual: 12 };

/** Monday 1 … Sunday 7, as WEEKDAY(serial, 2) (serial 1, 1 January 1900, is a Sunday). */
function weekday(serial: number): number {
	return ((((serial - 2) % 7) + 7) % 7) + 1;
}

/** The date the day rule picks in the month `index` (year × 12 + month − 1). */
function dayInMonth(index: number, startDay: number, dayRule: string): number {
	const year = Math.floor(index / 12);
	const month = (index % 12) + 1;
	const last = serialFromDate(year + Math.floor(month / 12), (month % 12) + 1, 1) - 1;
	if (dayRule === 'last day') return last;
	if (dayRule === 'last business day') return last - Math.max(0, weekday(last) - 5);
	const length = dateFromSerial(last).day;
	return serialFromDate(year, month, Math.min(startDay, length));
}

/** Every date in [from, to] on which `timing` falls due, in order. */
export function expandOccurrences(timing: Timing, from: number, to: number): number[] {
	const { frequency, start } = timing;
	const last = Math.min(to, timing.end ?? NO_DATE);
	const dates: number[] = [];
	if (frequency === 'one-off') {
		if (start >= from && start <= last) dates.push(start);
	} else if (DAYS[frequency]) {
		for (let date = start; date <= last; date += DAYS[frequency]) {
			if (date >= from) dates.push(date);
		}
	} else if (MONTHS[frequency]) {
		const { year, month, day } = dateFromSerial(start);
		for (let index = year * 12 + month - 1; ; index += MONTHS[frequency]) {
			const date = dayInMonth(index, day, timing.dayRule ?? 'same day');
			if (date > last) break;
			if (date >= from && date >= start) dates.push(date);
		}
	}
	return dates;
}

/** References to one obligation's cells, or to whole columns of obligations. */
export interface TimingRefs {
	frequency: string;
	start: string;
	end: string;
	dayRule: string;
}

/**
 * References to a window's cells: its first and last day, the month numbers (year × 12 +
 * month − 1) of those days, the last day of each of those months, and the last business day.
 */
export interface WindowRefs {
	from: string;
	to: string;
	fromMonth: string;
	toMonth: string;
	fromLastDay: string;
	toLastDay: string;
	fromLastBusinessDay: string;
	toLastBusinessDay: string;
}

/** The formulas (without `=`) of a window's helper cells, given its first and last day. */
export function windowHelperFormulas(from: string, to: string) {
	return {
		fromMonth: `YEAR(${from})*12+MONTH(${from})-1`,
		toMonth: `YEAR(${to})*12+MONTH(${to})-1`,
		fromLastDay: `EOMONTH(${from},0)`,
		toLastDay: `EOMONTH(${to},0)`,
		fromLastBusinessDay: `WORKDAY(EOMONTH(${from},0)+1,-1)`,
		toLastBusinessDay: `WORKDAY(EOMONTH(${to},0)+1,-1)`
	};
}

/** Sub-expressions shared by the count and date formulas. */
function parts(o: TimingRefs, w: WindowRefs) {
	const end = `IF(ISNUMBER(${o.end}),${o.end},${NO_DATE})`;
	const startMonth = `(YEAR(${o.start})*12+MONTH(${o.start})-1)`;
	const step = `IF(${o.frequency}="monthly",1,IF(${o.frequency}="quarterly",3,IF(${o.frequency}="annual",12,0)))`;
	const days = `IF(${o.frequency}="weekly",7,IF(${o.frequency}="bi-weekly",14,0))`;
	const safeDays = `IF(${days}>0,${days},1)`;
	const day = (last: string, business: string) =>
		`IF(${o.dayRule}="last day",${last},IF(${o.dayRule}="last business day",${business},` +
		`${last}-DAY(${last})+IF(DAY(${o.start})>DAY(${last}),DAY(${last}),DAY(${o.start}))))`;
	const fits = (month: string, date: string) =>
		`(${step}>0)*(${month}>=${startMonth})*(MOD(${month}-${startMonth},IF(${step}>0,${step},1))=0)*` +
		`(${date}>=${w.from})*(${date}<=${w.to})*(${date}>=${o.start})*(${date}<=${end})`;
	const fromDay = day(w.fromLastDay, w.fromLastBusinessDay);
	const toDay = day(w.toLastDay, w.toLastBusinessDay);
	const fitsFrom = fits(w.fromMonth, fromDay);
	const fitsTo = `(${w.toMonth}<>${w.fromMonth})*${fits(w.toMonth, toDay)}`;
	const low = `IF(${w.from}>${o.start},${w.from},${o.start})`;
	const high = `IF(${w.to}<${end},${w.to},${end})`;
	const once = `(${o.frequency}="one-off")*(${o.start}>=${w.from})*(${o.start}<=${w.to})*(${o.start}<=${end})`;
	return { days, safeDays, fromDay, toDay, fitsFrom, fitsTo, low, high, once };
}

/** The formula (without `=`) of how many times the obligation falls due in the window. */
export function occurrenceCountFormula(o: TimingRefs, w: WindowRefs): string {
	const p = parts(o, w);
	const weekly =
		`(${p.days}>0)*IF(${p.high}>=${p.low},` +
		`INT((${p.high}-${o.start})/${p.safeDays})-CEILING((${p.low}-${o.start})/${p.safeDays},1)+1,0)`;
	return `${weekly}+${p.fitsFrom}+${p.fitsTo}+${p.once}`;
}

/**
 * The formula (without `=`) of the date the obligation falls due in a window of at most 7 days
 * (where it falls due at most once), or 0 when it does not.
 */
export function occurrenceDateFormula(o: TimingRefs, w: WindowRefs): string {
	const p = parts(o, w);
	const first = `(${o.start}+${p.safeDays}*CEILING((${p.low}-${o.start})/${p.safeDays},1))`;
	const weekly = `(${p.days}>0)*(${first}<=${p.high})*${first}`;
	return `${weekly}+${p.fitsFrom}*${p.fromDay}+${p.fitsTo}*${p.toDay}+${p.once}*${o.start}`;
}

/**
 * One obligation's facts the per-cell formula reads from helper cells: days between
 * occurrences (7, 14 or 0), months between occurrences (1, 3, 12 or 0), start, last possible
 * date (its end or {@link NO_DATE}), the start's month number and the day rule.
 */
export interface TimingHelperRefs {
	days: string;
	months: string;
	start: string;
	until: string;
	startMonth: string;
	dayRule: string;
	frequency: string;
}

/**
 * The formulas (without `=`) of an obligation's helper cells, from its input cells. The start
 * month of a row without a start date is 0, not YEAR/MONTH of serial 0: that day is 1900-01-00 in
 * Excel and 1899-12-30 in LibreOffice, so the exported file would compute differently (0 and
 * Excel's 22800 are both multiples of 12, so occurrences are the same).
 */
export function timingHelperFormulas(o: TimingRefs) {
	return {
		days: `IF(${o.frequency}="weekly",7,IF(${o.frequency}="bi-weekly",14,0))`,
		months: `IF(${o.frequency}="monthly",1,IF(${o.frequency}="quarterly",3,IF(${o.frequency}="annual",12,0)))`,
		until: `IF(ISNUMBER(${o.end}),${o.end},${NO_DATE})`,
		startMonth: `IF(ISNUMBER(${o.start}),YEAR(${o.start})*12+MONTH(${o.start})-1,0)`
	};
}

/**
 * The compact, one-cell form of {@link occurrenceDateFormula} (scalar IF, MIN, MAX and AND),
 * reading the obligation's facts from helper cells: the date it falls due in a window of at
 * most 7 days, or 0.
 */
export function occurrenceDateCellFormula(h: TimingHelperRefs, w: WindowRefs): string {
	const low = `MAX(${w.from},${h.start})`;
	const high = `MIN(${w.to},${h.until})`;
	const first = `${h.start}+${h.days}*CEILING((${low}-${h.start})/${h.days},1)`;
	const weekly = `IF(${first}<=${high},${first},0)`;
	const day = (last: string, business: string) =>
		`IF(${h.dayRule}="last day",${last},IF(${h.dayRule}="last business day",${business},` +
		`${last}-DAY(${last})+MIN(DAY(${h.start}),DAY(${last}))))`;
	const fits = (month: string, date: string) =>
		`AND(${month}>=${h.startMonth},MOD(${month}-${h.startMonth},${h.months})=0,` +
		`${date}>=${low},${date}<=${high})`;
	const fromDay = day(w.fromLastDay, w.fromLastBusinessDay);
	const toDay = day(w.toLastDay, w.toLastBusinessDay);
	const monthly =
		`IF(${fits(w.fromMonth, fromDay)},${fromDay},` +
		`IF(AND(${w.toMonth}<>${w.fromMonth},${fits(w.toMonth, toDay)}),${toDay},0))`;
	const once = `IF(AND(${h.frequency}="one-off",${h.start}>=${w.from},${h.start}<=${high}),${h.start},0)`;
	return `IF(${h.days}>0,${weekly},IF(${h.months}>0,${monthly},${once}))`;
}
