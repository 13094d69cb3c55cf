/**
 * What a fill writes, decided as Google Sheets decides it: the selected cells of one line (a
 * column when filling down or up, a row when filling right or left) continue as a series when
 * they form one, and repeat otherwise. Pure: the caller reads the cells and writes the plan.
 *
 * Series: numbers (the least-squares step of the selection, so 1, 2 → 3, 4; one number alone is
 * copied, as in Sheets), dates (one date steps by a day; dates on the same day of the month a
 * whole number of months apart step by months; others by their day step), month and weekday
 * names in the spelling and case typed (Jan → Feb, JANUARY → FEBRUARY, Mon → Tue) and text
 * ending in a number ("Unit 1" → "Unit 2"; "Unit 1", "Unit 3" → "Unit 5"). A line mixing kinds,
 * or holding formulas, booleans or empty cells, repeats, formulas moving with the copy.
 */
import { dateFromSerial, serialFromDate } from './values';

/** One source cell as the fill sees it; `isDate` when its number format shows a date. */
export type FillSourceCell =
	| { kind: 'empty' }
	| { kind: 'number'; value: number; isDate?: boolean }
	| { kind: 'text'; value: string }
	| { kind: 'boolean' }
	| { kind: 'formula' };

/**
 * What one filled cell receives: the contents (and formats) of source cell `from` — formulas
 * shifted by the distance moved — or, for a series, `value` with the format of source `from`.
 */
export type FillStep = { from: number; value?: number | string };

/** Which way a fill extends its source. */
export type FillDirection = 'down' | 'up' | 'right' | 'left';

/** A rectangle of zero-based, inclusive cell positions. */
export interface FillBounds {
	top: number;
	left: number;
	bottom: number;
	right: number;
}

/** One write of a fill plan: target cell (row, col), its source cell and the step. */
export interface FillWrite {
	row: number;
	col: number;
	sourceRow: number;
	sourceCol: number;
	value?: number | string;
}

const MONTHS_SHORT = [
	'jan',
	'feb',
	'mar',
	'apr',
	'may',
	'jun',
	'jul',
	'aug',
	'sep',
	'oct',
	'nov',
	'dec'
];
const MONTHS_LONG = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december'
];
const DAYS_SHORT = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAYS_LONG = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NAME_LISTS = [MONTHS_LONG, MONTHS_SHORT, DAYS_LONG, DAYS_SHORT];

/** Sheets shows series of decimals without binary noise (0.1, 0.2 → 0.3, not 0.30000000000000004). */
const SIGNIFICANT_DIGITS = 15;

function clean(value: number): number {
	return Number(value.toPrecision(SIGNIFICANT_DIGITS));
}

/** Least-squares line through (i, values[i]): its value at each of `positions`. */
function linearTrend(values: number[], positions: number[]): number[] {
	const n = values.length;
	const meanX = (n - 1) / 2;
	const meanY = values.reduce((sum, v) => sum + v, 0) / n;
	let num = 0;
	let den = 0;
	values.forEach((v, i) => {
		num += (i - meanX) * (v - meanY);
		den += (i - meanX) ** 2;
	});
	const slope = den === 0 ? 0 : num / den;
	return positions.map((x) => clean(meanY + slope * (x - meanX)));
}

function sourceIndex(position: number, length: number): number {
	return ((position % length) + length) % length;
}

function dateSeries(serials: number[], positions: number[]): number[] | null {
	const whole = serials.map(Math.floor);
	let dates;
	try {
		dates = whole.map(dateFromSerial);
	} catch {
		return null;
	}
	if (dates.length === 1) return positions.map((p) => whole[0] + p);
	const months = dates.map((d) => d.year * 12 + d.month - 1);
	const step = months[1] - months[0];
	const monthly =
		step !== 0 &&
		dates.every((d) => d.day === dates[0].day) &&
		months.every((m, i) => m - months[0] === i * step);
	if (!monthly) {
		const dayStep = whole[1] - whole[0];
		if (!whole.every((s, i) => s - whole[0] === i * dayStep)) return null;
		return positions.map((p) => whole[0] + p * dayStep);
	}
	const out: number[] = [];
	for (const p of positions) {
		const month = months[0] + p * step;
		const year = Math.floor(month / 12);
		const monthOfYear = (month % 12) + 1;
		// Jan 31 + 1 month is Feb 28/29, as Sheets clamps to the month's last day.
		const lastDay = new Date(Date.UTC(2000, monthOfYear, 0));
		lastDay.setUTCFullYear(year, monthOfYear, 0);
		const day = Math.min(dates[0].day, lastDay.getUTCDate());
		try {
			out.push(serialFromDate(year, monthOfYear, day));
		} catch {
			return null;
		}
	}
	return out;
}

function matchCase(word: string, like: string): string {
	if (like === like.toUpperCase()) return word.toUpperCase();
	if (like[0] === like[0].toUpperCase()) return word[0].toUpperCase() + word.slice(1);
	return word;
}

function nameSeries(texts: string[], positions: number[]): string[] | null {
	for (const list of NAME_LISTS) {
		const indexes = texts.map((t) => list.indexOf(t.trim().toLowerCase()));
		if (indexes.some((i) => i < 0)) continue;
		const len = list.length;
		const step = texts.length === 1 ? 1 : sourceIndex(indexes[1] - indexes[0], len);
		if (!indexes.every((idx, i) => idx === sourceIndex(indexes[0] + i * step, len))) return null;
		return positions.map((p) => matchCase(list[sourceIndex(indexes[0] + p * step, len)], texts[0]));
	}
	return null;
}

const TRAILING_NUMBER = /^(.*?)(\d+)$/;

function numberedTextSeries(texts: string[], positions: number[]): string[] | null {
	const parts = texts.map((t) => TRAILING_NUMBER.exec(t));
	if (parts.some((m) => !m || m[1] !== parts[0]![1])) return null;
	const prefix = parts[0]![1];
	const numbers = parts.map((m) => Number(m![2]));
	const width = parts[0]![2].length;
	const next =
		numbers.length === 1
			? positions.map((p) => numbers[0] + p)
			: linearTrend(numbers, positions).map(Math.round);
	// Sheets keeps the digits typed ("Item 007" → "Item 008") and, below zero, the magnitude.
	return next.map((n) => prefix + String(Math.abs(n)).padStart(width, '0'));
}

function seriesValues(source: FillSourceCell[], positions: number[]): (number | string)[] | null {
	if (source.every((cell) => cell.kind === 'number')) {
		const values = source.map((cell) => cell.value);
		if (source.every((cell) => cell.isDate)) return dateSeries(values, positions);
		if (source.some((cell) => cell.isDate) || values.length < 2) return null;
		return linearTrend(values, positions);
	}
	if (source.every((cell) => cell.kind === 'text')) {
		const texts = source.map((cell) => cell.value);
		return nameSeries(texts, positions) ?? numberedTextSeries(texts, positions);
	}
	return null;
}

/**
 * What `count` cells beyond one line of source cells receive. Forward fills continue after the
 * last source cell (positions n, n+1, …); backward fills (up, left) before the first (−1, −2, …),
 * a series then running backwards. Never more or fewer than `count` steps, each `from` an index
 * into `source`. With `copyOnly` the source repeats whatever it holds.
 */
export function planFillLine(
	source: FillSourceCell[],
	count: number,
	backward = false,
	copyOnly = false
): FillStep[] {
	const n = source.length;
	if (n === 0 || count <= 0) return [];
	const positions = Array.from({ length: count }, (_, k) => (backward ? -1 - k : n + k));
	const series = copyOnly ? null : seriesValues(source, positions);
	return positions.map((p, k) => {
		const from = sourceIndex(p, n);
		return series ? { from, value: series[k] } : { from };
	});
}

/** The direction in which `target` extends `source`, or null when it does not extend it. */
export function fillDirection(source: FillBounds, target: FillBounds): FillDirection | null {
	const sameCols = target.left === source.left && target.right === source.right;
	const sameRows = target.top === source.top && target.bottom === source.bottom;
	if (sameCols && target.top === source.top && target.bottom > source.bottom) return 'down';
	if (sameCols && target.bottom === source.bottom && target.top < source.top) return 'up';
	if (sameRows && target.left === source.left && target.right > source.right) return 'right';
	if (sameRows && target.right === source.right && target.left < source.left) return 'left';
	return null;
}

/**
 * The writes of a fill from `source` through `target` (which must extend `source` one way, see
 * {@link fillDirection}): one write per cell of `target` outside `source`, never any other cell.
 * `read(row, col)` gives a source cell. With `copyOnly` (Ctrl+D, Ctrl+R) nothing forms a series.
 */
export function planFill(
	source: FillBounds,
	target: FillBounds,
	read: (row: number, col: number) => FillSourceCell,
	copyOnly = false
): FillWrite[] {
	const direction = fillDirection(source, target);
	if (!direction) return [];
	const vertical = direction === 'down' || direction === 'up';
	const backward = direction === 'up' || direction === 'left';
	const length = vertical ? source.bottom - source.top + 1 : source.right - source.left + 1;
	const count = vertical
		? target.bottom - target.top + 1 - length
		: target.right - target.left + 1 - length;
	const lines = vertical
		? { from: source.left, to: source.right }
		: { from: source.top, to: source.bottom };
	const start = vertical ? source.top : source.left;
	const writes: FillWrite[] = [];
	for (let line = lines.from; line <= lines.to; line++) {
		const cells = Array.from({ length }, (_, i) =>
			vertical ? read(start + i, line) : read(line, start + i)
		);
		const steps = planFillLine(cells, count, backward, copyOnly);
		steps.forEach((step, k) => {
			const along = backward ? start - 1 - k : start + length + k;
			const sourceAlong = start + step.from;
			writes.push({
				row: vertical ? along : line,
				col: vertical ? line : along,
				sourceRow: vertical ? sourceAlong : line,
				sourceCol: vertical ? line : sourceAlong,
				...(step.value === undefined ? {} : { value: step.value })
			});
		});
	}
	return writes;
}
