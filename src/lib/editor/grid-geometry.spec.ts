import { describe, expect, it } from 'vitest';
import {
	ROW_HEIGHT,
	columnAt,
	columnOffsets,
	scrollToReveal,
	visibleColumns,
	visibleRows
} from './grid-geometry';

describe('column geometry', () => {
	const offsets = columnOffsets([100, 50, 200, 100]);

	it('sums widths into left edges with the total at the end', () => {
		expect(offsets).toEqual([0, 100, 150, 350, 450]);
	});

	it('finds the column under a pixel, clamped to the last column', () => {
		expect(columnAt(offsets, 0)).toBe(0);
		expect(columnAt(offsets, 149)).toBe(1);
		expect(columnAt(offsets, 150)).toBe(2);
		expect(columnAt(offsets, 10_000)).toBe(3);
	});

	it('renders only the columns in view plus overscan', () => {
		expect(visibleColumns(offsets, 120, 100, 0)).toEqual({ start: 1, end: 3 });
		expect(visibleColumns(offsets, 120, 100, 1)).toEqual({ start: 0, end: 4 });
	});
});

describe('row window', () => {
	it('keeps a 100,000-row sheet to a screenful of rows wherever it is scrolled', () => {
		const window = visibleRows(ROW_HEIGHT * 50_000, 600, 100_000, 5);
		expect(window.start).toBe(49_995);
		expect(window.end - window.start).toBeLessThan(50);
	});

	it('clamps to the sheet', () => {
		expect(visibleRows(0, 600, 10, 5)).toEqual({ start: 0, end: 10 });
	});
});

describe('scrollToReveal', () => {
	it('scrolls only as far as needed to show a cell', () => {
		expect(scrollToReveal(500, 21, 0, 300)).toBe(221);
		expect(scrollToReveal(100, 21, 200, 300)).toBe(100);
		expect(scrollToReveal(250, 21, 200, 300)).toBe(200);
	});
});
