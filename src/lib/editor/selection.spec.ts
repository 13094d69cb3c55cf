import { describe, expect, it } from 'vitest';
import {
	boundsToA1,
	cellSelection,
	fillExtension,
	jumpTarget,
	moveSelection,
	selectionBounds,
	type CellPos
} from './selection';

const limits = { rows: 100, cols: 26 };

describe('selection', () => {
	it('covers the rectangle between anchor and focus, whichever way it was dragged', () => {
		const bounds = selectionBounds({ anchor: { row: 5, col: 3 }, focus: { row: 1, col: 1 } });
		expect(bounds).toEqual({ top: 1, left: 1, bottom: 5, right: 3 });
		expect(boundsToA1(bounds)).toBe('B2:D6');
		expect(boundsToA1({ top: 0, left: 0, bottom: 0, right: 0 })).toBe('A1');
	});

	it('moves and clamps the active cell, or extends with Shift', () => {
		const start = cellSelection({ row: 0, col: 0 });
		expect(moveSelection(start, -1, 0, {}, limits)).toEqual(start);
		const extended = moveSelection(start, 2, 1, { extend: true }, limits);
		expect(extended).toEqual({ anchor: { row: 0, col: 0 }, focus: { row: 2, col: 1 } });
	});
});

describe('jumpTarget (Ctrl+arrow)', () => {
	const filled = new Set(['0:0', '1:0', '2:0', '6:0']);
	const isFilled = (pos: CellPos) => filled.has(`${pos.row}:${pos.col}`);

	it('runs to the end of a block of data', () => {
		expect(jumpTarget({ row: 0, col: 0 }, 1, 0, isFilled, limits)).toEqual({ row: 2, col: 0 });
	});

	it('from the end of a block, lands on the next filled cell', () => {
		expect(jumpTarget({ row: 2, col: 0 }, 1, 0, isFilled, limits)).toEqual({ row: 6, col: 0 });
	});

	it('with nothing further, stops at the edge of the sheet', () => {
		expect(jumpTarget({ row: 6, col: 0 }, 1, 0, isFilled, limits)).toEqual({ row: 99, col: 0 });
		expect(jumpTarget({ row: 6, col: 0 }, 0, 1, isFilled, limits)).toEqual({ row: 6, col: 25 });
	});
});

describe('fillExtension', () => {
	const start = { top: 2, left: 2, bottom: 3, right: 3 };

	it('stretches the selection the way the pointer went furthest', () => {
		expect(fillExtension(start, { row: 8, col: 4 })).toEqual({ ...start, bottom: 8 });
		expect(fillExtension(start, { row: 0, col: 3 })).toEqual({ ...start, top: 0 });
		expect(fillExtension(start, { row: 4, col: 9 })).toEqual({ ...start, right: 9 });
		expect(fillExtension(start, { row: 2, col: 0 })).toEqual({ ...start, left: 0 });
	});

	it('is null while the pointer stays inside the selection', () => {
		expect(fillExtension(start, { row: 3, col: 2 })).toBeNull();
	});
});
