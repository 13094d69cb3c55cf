import type { RawCellContent } from 'hyperformula';
import { afterEach, describe, expect, it } from 'vitest';
import { createFormulaEngine } from './formula-engine';

const engines: { destroy(): void }[] = [];
afterEach(() => engines.splice(0).forEach((engine) => engine.destroy()));

/** Puts `rows` at A1 and returns the value of `formula` evaluated in a cell to their right. */
function evaluate(rows: RawCellContent[][], formula: string) {
	const engine = createFormulaEngine();
	engines.push(engine);
	const sheet = engine.getSheetId(engine.addSheet('Data'))!;
	engine.setSheetContent(sheet, rows);
	const address = { sheet, row: 0, col: 26 };
	engine.setCellContents(address, [[formula]]);
	const value = engine.getCellValue(address);
	return typeof value === 'object' && value !== null ? value.value : value;
}

// Microsoft's AVERAGEIFS example 1: Student, First Quiz, Second Quiz, Final Exam (A1:D5)
const QUIZZES: RawCellContent[][] = [
	['Student', 'First Quiz', 'Second Quiz', 'Final Exam'],
	['Emilio', 75, 85, 87],
	['Julie', 94, 80, 88],
	['Hans', 86, 93, 'Incomplete'],
	['Frederique', 'Incomplete', 75, 75]
];

// Microsoft's AVERAGEIFS example 2: Type, Price, Town, Bedrooms, Garage? (A1:E7)
const HOUSES: RawCellContent[][] = [
	['Type', 'Price', 'Town', 'Number of Bedrooms', 'Garage?'],
	['Cozy Rambler', 230000, 'Issaquah', 3, 'No'],
	['Snug Bungalow', 197000, 'Bellevue', 2, 'Yes'],
	['Cool Cape Codder', 345678, 'Bellevue', 4, 'Yes'],
	['Splendid Split Level', 321900, 'Issaquah', 2, 'Yes'],
	['Exclusive Tudor', 450000, 'Bellevue', 5, 'Yes'],
	['Classy Colonial', 395000, 'Bellevue', 4, 'No']
];

describe('AVERAGEIFS', () => {
	it('averages first-quiz grades between 70 and 90 to 80.5, skipping "Incomplete" (Microsoft)', () => {
		expect(evaluate(QUIZZES, '=AVERAGEIFS(B2:B5,B2:B5,">70",B2:B5,"<90")')).toBe(80.5);
	});

	it('returns #DIV/0! when no second-quiz grade exceeds 95 (Microsoft: C2:C5, ">95")', () => {
		expect(evaluate(QUIZZES, '=AVERAGEIFS(C2:C5,C2:C5,">95")')).toBe('#DIV/0!');
	});

	it('averages final exams that are not "Incomplete" and above 80 to 87.5 (Microsoft example)', () => {
		expect(evaluate(QUIZZES, '=AVERAGEIFS(D2:D5,D2:D5,"<>Incomplete",D2:D5,">80")')).toBe(87.5);
	});

	it('averages Bellevue houses with over 2 bedrooms and a garage to 397,839 (Microsoft)', () => {
		const formula = '=AVERAGEIFS(B2:B7,C2:C7,"Bellevue",D2:D7,">2",E2:E7,"Yes")';
		expect(evaluate(HOUSES, formula)).toBe(397839);
	});

	it('averages Issaquah houses with up to 3 bedrooms and no garage to 230,000 (Microsoft)', () => {
		const formula = '=AVERAGEIFS(B2:B7,C2:C7,"Issaquah",D2:D7,"<=3",E2:E7,"No")';
		expect(evaluate(HOUSES, formula)).toBe(230000);
	});

	it('matches wildcards case-insensitively, with ~ escaping * and ?', () => {
		const rows = [
			[10, 'Unit 1A'],
			[20, 'unit 2b'],
			[30, 'Garage'],
			[40, 'Unit *'],
			[50, 'Unit ?']
		];
		expect(evaluate(rows, '=AVERAGEIFS(A1:A5,B1:B5,"unit*")')).toBe(30);
		expect(evaluate(rows, '=AVERAGEIFS(A1:A5,B1:B5,"Unit ??")')).toBe(15);
		expect(evaluate(rows, '=AVERAGEIFS(A1:A5,B1:B5,"Unit ~*")')).toBe(40);
		expect(evaluate(rows, '=AVERAGEIFS(A1:A5,B1:B5,"Unit ~?")')).toBe(50);
		expect(evaluate(rows, '=AVERAGEIFS(A1:A5,B1:B5,"<>unit*")')).toBe(30);
	});

	it('matches blank cells with "" and "=", and non-blank cells with "<>"', () => {
		const rows = [
			[1, 'x'],
			[2, null],
			[3, 'y'],
			[6, null]
		];
		expect(evaluate(rows, '=AVERAGEIFS(A1:A4,B1:B4,"")')).toBe(4);
		expect(evaluate(rows, '=AVERAGEIFS(A1:A4,B1:B4,"=")')).toBe(4);
		expect(evaluate(rows, '=AVERAGEIFS(A1:A4,B1:B4,"<>")')).toBe(2);
		expect(evaluate(rows, '=AVERAGEIFS(A1:A4,B1:B4,"<>x")')).toBeCloseTo(11 / 3, 9);
	});

	it('skips text, booleans and blanks in the average range', () => {
		const rows = [
			[4, 'a'],
			['n/a', 'a'],
			[null, 'a'],
			['=TRUE()', 'a'],
			[8, 'a']
		];
		expect(evaluate(rows, '=AVERAGEIFS(A1:A5,B1:B5,"a")')).toBe(6);
	});

	it('compares numbers, percentages and dates written in the criterion', () => {
		const rows = [
			[0.04, '=DATE(2026,1,15)'],
			[0.05, '=DATE(2026,2,15)'],
			[0.07, '=DATE(2026,3,15)']
		];
		expect(evaluate(rows, '=AVERAGEIFS(A1:A3,A1:A3,">=5%")')).toBeCloseTo(0.06, 12);
		expect(evaluate(rows, '=AVERAGEIFS(A1:A3,B1:B3,"<3/1/2026")')).toBeCloseTo(0.045, 12);
		expect(evaluate(rows, '=AVERAGEIFS(A1:A3,B1:B3,">="&DATE(2026,2,1))')).toBeCloseTo(0.06, 12);
	});

	it('returns #VALUE! when a criteria range differs in size from the average range', () => {
		expect(evaluate(QUIZZES, '=AVERAGEIFS(B2:B5,C2:C4,">0")')).toBe('#VALUE!');
		expect(evaluate(QUIZZES, '=AVERAGEIFS(B2:B5,B2:C5,">0")')).toBe('#VALUE!');
	});

	it('propagates an error found in a matching cell of the average range', () => {
		const rows = [
			[1, 'a'],
			['=1/0', 'a'],
			['=NA()', 'b']
		];
		expect(evaluate(rows, '=AVERAGEIFS(A1:A3,B1:B3,"a")')).toBe('#DIV/0!');
		expect(evaluate(rows, '=AVERAGEIFS(A1:A2,B1:B2,"a")')).toBe('#DIV/0!');
		expect(evaluate(rows, '=AVERAGEIFS(A1:A1,B1:B1,"a")')).toBe(1);
	});
});

describe('SUMIFS and COUNTIFS with InvestFlow criteria', () => {
	// Microsoft's SUMIFS example: Quantity Sold, Product, Salesperson (A1:C9)
	const SALES: RawCellContent[][] = [
		['Quantity Sold', 'Product', 'Salesperson'],
		[5, 'Apples', 'Tom'],
		[4, 'Apples', 'Sarah'],
		[15, 'Artichokes', 'Tom'],
		[3, 'Artichokes', 'Sarah'],
		[22, 'Bananas', 'Tom'],
		[12, 'Bananas', 'Sarah'],
		[10, 'Carrots', 'Tom'],
		[33, 'Carrots', 'Sarah']
	];

	it('sums Tom’s sales of products starting with A to 20 (Microsoft: "=A*", "Tom")', () => {
		expect(evaluate(SALES, '=SUMIFS(A2:A9,B2:B9,"=A*",C2:C9,"Tom")')).toBe(20);
	});

	it('sums Tom’s sales of everything but bananas to 30 (Microsoft: "<>Bananas", "Tom")', () => {
		expect(evaluate(SALES, '=SUMIFS(A2:A9,B2:B9,"<>Bananas",C2:C9,"Tom")')).toBe(30);
	});

	it('does not let ? match fewer characters than it stands for (HyperFormula’s own does)', () => {
		const rows = [['apple'], [null], ['banana'], ['b?nana'], ['a*b']];
		expect(evaluate(rows, '=COUNTIFS(A1:A5,"?????")')).toBe(1);
		expect(evaluate(rows, '=COUNTIF(A1:A5,"?????")')).toBe(1);
	});

	it('counts Microsoft’s COUNTIFS quota example (Yes in Q1 and Q2 → 2)', () => {
		const quotas = [
			['Davidoski', 'Yes', 'No', 'No'],
			['Burke', 'Yes', 'Yes', 'No'],
			['Sundaram', 'Yes', 'Yes', 'Yes'],
			['Levitan', 'No', 'Yes', 'Yes']
		];
		expect(evaluate(quotas, '=COUNTIFS(B1:D1,"=Yes")')).toBe(1);
		expect(evaluate(quotas, '=COUNTIFS(B1:B4,"=Yes",C1:C4,"=Yes")')).toBe(2);
		expect(evaluate(quotas, '=COUNTIFS(B4:D4,"=Yes",B2:D2,"=Yes")')).toBe(1);
	});

	it('counts Microsoft’s COUNTIFS numbers-and-dates example (4, 2 and 2)', () => {
		const rows = [1, 2, 3, 4, 5, 6].map((n) => [n, `=DATE(2011,5,${n})`]);
		expect(evaluate(rows, '=COUNTIFS(A1:A6,"<6",A1:A6,">1")')).toBe(4);
		expect(evaluate(rows, '=COUNTIFS(A1:A6,"<5",B1:B6,"<5/3/2011")')).toBe(2);
		expect(evaluate(rows, '=COUNTIFS(A1:A6,"<"&A5,B1:B6,"<"&B3)')).toBe(2);
	});

	it('keeps SUMIF, COUNTIF and AVERAGEIF consistent with their *IFS forms', () => {
		expect(evaluate(SALES, '=SUMIF(B2:B9,"a*",A2:A9)')).toBe(27);
		expect(evaluate(SALES, '=COUNTIF(C2:C9,"tom")')).toBe(4);
		expect(evaluate(SALES, '=AVERAGEIF(A2:A9,">10")')).toBe(20.5);
		expect(evaluate(SALES, '=AVERAGEIF(B2:B9,"Kiwis",A2:A9)')).toBe('#DIV/0!');
	});
});

describe('conditional aggregates over a single error cell', () => {
	it('do not match the error, as Excel skips errors in a criteria range', () => {
		const rows = [
			['=1/0', 5],
			['x', 7]
		];
		expect(evaluate(rows, '=COUNTIF(A1,"x")')).toBe(0);
		expect(evaluate(rows, '=SUMIF(A1,"x",B1)')).toBe(0);
		expect(evaluate(rows, '=COUNTIFS(A1,"<>x")')).toBe(1);
		expect(evaluate(rows, '=SUMIFS(B1,A1,"<>x")')).toBe(5);
	});

	it('check the ranges’ sizes before anything else', () => {
		const rows = [
			['=1/0', 5],
			['x', 7]
		];
		expect(evaluate(rows, '=SUMIFS(B1:B2,A1,"x")')).toBe('#VALUE!');
	});
});

describe('XNPV with text among its values or dates', () => {
	it('gives #VALUE! for text before comparing the lengths, as Excel and LibreOffice do', () => {
		const rows = [
			[-10000, 'vacant'],
			[2750, 39508]
		];
		expect(evaluate(rows, '=XNPV(0.09,A1:A2,B1)')).toBe('#VALUE!');
		expect(evaluate(rows, '=XNPV(0.09,B1,A1:A2)')).toBe('#VALUE!');
		expect(evaluate(rows, '=XNPV(0.09,A1:A2,A1)')).toBe('#NUM!');
	});
});
