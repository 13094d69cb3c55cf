import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planFill, planFillLine, type FillBounds, type FillSourceCell } from './fill-series';
import { serialFromDate } from './values';

const num = (value: number, isDate = false): FillSourceCell => ({ kind: 'number', value, isDate });
const text = (value: string): FillSourceCell => ({ kind: 'text', value });
const values = (source: FillSourceCell[], count: number, backward = false) =>
	planFillLine(source, count, backward).map((step) => step.value);

describe('planFillLine', () => {
	it('continues 1, 2 as 3, 4 (the step of the selection)', () => {
		expect(values([num(1), num(2)], 2)).toEqual([3, 4]);
	});

	it('continues a decimal step without binary noise', () => {
		expect(values([num(0.1), num(0.2)], 2)).toEqual([0.3, 0.4]);
	});

	it('follows the least-squares trend of uneven numbers, as Sheets does', () => {
		expect(values([num(1), num(2), num(4)], 1)[0]).toBeCloseTo(5.333333, 5);
	});

	it('copies a single number rather than counting', () => {
		expect(planFillLine([num(7)], 3)).toEqual([{ from: 0 }, { from: 0 }, { from: 0 }]);
	});

	it('runs a series backwards when filling up or left', () => {
		expect(values([num(5), num(6)], 2, true)).toEqual([4, 3]);
	});

	it('steps a single date by one day', () => {
		const jan1 = serialFromDate(2024, 1, 1);
		expect(values([num(jan1, true)], 2)).toEqual([jan1 + 1, jan1 + 2]);
	});

	it('steps dates a month apart by months, keeping the day and clamping month ends', () => {
		const source = [num(serialFromDate(2024, 1, 31), true), num(serialFromDate(2024, 2, 29), true)];
		// 31 Jan, 29 Feb differ in day: a day step; 31 Jan, 31 Mar are two months apart.
		expect(values(source, 1)).toEqual([serialFromDate(2024, 2, 29) + 29]);
		const monthly = [
			num(serialFromDate(2024, 1, 15), true),
			num(serialFromDate(2024, 2, 15), true)
		];
		expect(values(monthly, 2)).toEqual([serialFromDate(2024, 3, 15), serialFromDate(2024, 4, 15)]);
		const ends = [num(serialFromDate(2023, 11, 30), true), num(serialFromDate(2023, 12, 30), true)];
		expect(values(ends, 2)).toEqual([serialFromDate(2024, 1, 30), serialFromDate(2024, 2, 29)]);
	});

	it('steps dates a year apart by years', () => {
		const source = [num(serialFromDate(2020, 6, 1), true), num(serialFromDate(2021, 6, 1), true)];
		expect(values(source, 1)).toEqual([serialFromDate(2022, 6, 1)]);
	});

	it('continues month names in the spelling and case typed', () => {
		expect(values([text('Jan')], 3)).toEqual(['Feb', 'Mar', 'Apr']);
		expect(values([text('November')], 3)).toEqual(['December', 'January', 'February']);
		expect(values([text('JAN'), text('MAR')], 2)).toEqual(['MAY', 'JUL']);
	});

	it('continues weekday names', () => {
		expect(values([text('Fri')], 3)).toEqual(['Sat', 'Sun', 'Mon']);
		expect(values([text('monday')], 1)).toEqual(['tuesday']);
	});

	it('counts on from text that ends in a number', () => {
		expect(values([text('Unit 1')], 2)).toEqual(['Unit 2', 'Unit 3']);
		expect(values([text('Unit 1'), text('Unit 3')], 2)).toEqual(['Unit 5', 'Unit 7']);
		expect(values([text('Item 007')], 1)).toEqual(['Item 008']);
	});

	it('repeats plain text, mixed kinds, booleans and formulas in order', () => {
		expect(planFillLine([text('Rent'), text('Tax')], 3)).toEqual([
			{ from: 0 },
			{ from: 1 },
			{ from: 0 }
		]);
		expect(planFillLine([num(1), text('x')], 2)).toEqual([{ from: 0 }, { from: 1 }]);
		expect(planFillLine([{ kind: 'formula' }], 2)).toEqual([{ from: 0 }, { from: 0 }]);
		expect(planFillLine([num(1), { kind: 'empty' }], 2)).toEqual([{ from: 0 }, { from: 1 }]);
	});

	it('only copies when asked to (Ctrl+D)', () => {
		expect(planFillLine([num(1), num(2)], 2, false, true)).toEqual([{ from: 0 }, { from: 1 }]);
	});
});

describe('planFill', () => {
	const read = (row: number, col: number): FillSourceCell => num(row * 10 + col);

	it('fills each column of a block downwards from its own cells', () => {
		const writes = planFill(
			{ top: 0, left: 0, bottom: 1, right: 1 },
			{ top: 0, left: 0, bottom: 2, right: 1 },
			read
		);
		expect(writes).toEqual([
			{ row: 2, col: 0, sourceRow: 0, sourceCol: 0, value: 20 },
			{ row: 2, col: 1, sourceRow: 0, sourceCol: 1, value: 21 }
		]);
	});

	it('plans nothing for a target that does not extend the source one way', () => {
		const source = { top: 2, left: 2, bottom: 3, right: 3 };
		expect(planFill(source, { top: 2, left: 2, bottom: 5, right: 5 }, read)).toEqual([]);
		expect(planFill(source, source, read)).toEqual([]);
	});

	const cell: fc.Arbitrary<FillSourceCell> = fc.oneof(
		fc.constant<FillSourceCell>({ kind: 'empty' }),
		fc.constant<FillSourceCell>({ kind: 'formula' }),
		fc.constant<FillSourceCell>({ kind: 'boolean' }),
		fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((v) => num(v)),
		fc.integer({ min: 1, max: 2_900_000 }).map((v) => num(v, true)),
		fc.constantFrom('Jan', 'Feb', 'monday', 'Unit 9', 'Unit 10', 'x', '').map(text)
	);

	const extension = fc
		.record({
			top: fc.integer({ min: 0, max: 30 }),
			left: fc.integer({ min: 0, max: 30 }),
			height: fc.integer({ min: 1, max: 4 }),
			width: fc.integer({ min: 1, max: 4 }),
			extra: fc.integer({ min: 0, max: 12 }),
			direction: fc.constantFrom('down', 'up', 'right', 'left'),
			copyOnly: fc.boolean(),
			cells: fc.array(cell, { minLength: 16, maxLength: 16 })
		})
		.map(({ top, left, height, width, extra, direction, copyOnly, cells }) => {
			const source: FillBounds = { top: top + 12, left: left + 12, bottom: 0, right: 0 };
			source.bottom = source.top + height - 1;
			source.right = source.left + width - 1;
			const target = { ...source };
			if (direction === 'down') target.bottom += extra;
			if (direction === 'up') target.top -= extra;
			if (direction === 'right') target.right += extra;
			if (direction === 'left') target.left -= extra;
			const read = (row: number, col: number) =>
				cells[((row - source.top) * 4 + (col - source.left)) % 16];
			return { source, target, read, copyOnly };
		});

	it('writes every target cell outside the source exactly once and nothing else', () => {
		fc.assert(
			fc.property(extension, ({ source, target, read, copyOnly }) => {
				const writes = planFill(source, target, read, copyOnly);
				const inside = (b: FillBounds, r: number, c: number) =>
					r >= b.top && r <= b.bottom && c >= b.left && c <= b.right;
				const seen = new Set<string>();
				for (const w of writes) {
					expect(inside(target, w.row, w.col)).toBe(true);
					expect(inside(source, w.row, w.col)).toBe(false);
					expect(inside(source, w.sourceRow, w.sourceCol)).toBe(true);
					expect(seen.has(`${w.row}:${w.col}`)).toBe(false);
					seen.add(`${w.row}:${w.col}`);
				}
				const area = (b: FillBounds) => (b.bottom - b.top + 1) * (b.right - b.left + 1);
				expect(writes.length).toBe(area(target) - area(source));
			})
		);
	});
});
