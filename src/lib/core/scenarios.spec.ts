import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sheetByName } from './document-view';
import { createEvaluator } from './evaluator';
import { setCellInput } from './operations/cells';
import { insertLines } from './operations/structure';
import { ComparisonCache } from './scenario-cache';
import { compareScenarios, goalSeek, runSensitivity } from './scenario-evaluation';
import { defineName } from './operations/names';
import {
	applyScenario,
	clearOverrides,
	createScenario,
	deleteScenario,
	duplicateScenario,
	listOverrideCells,
	listScenarios,
	overrideAddress,
	renameScenario,
	requireScenario,
	scenarioOverlay,
	setOverrides,
	type Overlay
} from './scenarios';
import { seedTemplate } from './templates';
import { snapshotValues } from './test-support';
import { addSheet } from './operations/sheets';

function propertyWorkbook() {
	const doc = new Y.Doc();
	seedTemplate(doc, 'property');
	const assumptions = sheetByName(doc, 'Assumptions')!;
	return { doc, assumptions };
}

/** The row (A1) of a defined name's cell on Assumptions. */
function addressOf(doc: Y.Doc, name: string): string {
	const evaluator = createEvaluator(doc);
	try {
		const entry = evaluator.engine.getNamedExpressionFormula(name) ?? '';
		return entry.replace(/^=.*!/, '').replace(/\$/g, '');
	} finally {
		evaluator.destroy();
	}
}

function payment(rate: number, years: number, loan: number): number {
	const r = rate / 12;
	return (loan * r) / (1 - (1 + r) ** -(years * 12));
}

// Building the property template's engine takes seconds on a busy machine.
describe('scenarios', { timeout: 30_000 }, () => {
	it('creates, renames, duplicates and deletes scenarios, refusing duplicate names', () => {
		const { doc, assumptions } = propertyWorkbook();
		const rate = addressOf(doc, 'InterestRate');
		const id = createScenario(doc, {
			name: 'Rate 7.5 %',
			createdBy: 'u1',
			overrides: [{ target: { sheetId: assumptions.id, address: rate }, text: '7.5%' }]
		});
		expect(() => createScenario(doc, { name: ' rate 7.5 % ' })).toThrow(/already exists/);
		const copy = duplicateScenario(doc, id, 'Rate 7.5 % copy');
		expect(listOverrideCells(doc, requireScenario(doc, copy))).toHaveLength(1);
		renameScenario(doc, copy, 'Offer at 240k');
		expect(listScenarios(doc).map((s) => s.name)).toEqual(['Rate 7.5 %', 'Offer at 240k']);
		expect(listScenarios(doc)[0].createdBy).toBe('u1');
		deleteScenario(doc, copy);
		expect(listScenarios(doc)).toHaveLength(1);
		expect(() => deleteScenario(doc, copy)).toThrow(/no scenario/);
	});

	it('refuses formulas as overrides and leaves the scenario untouched', () => {
		const { doc, assumptions } = propertyWorkbook();
		const id = createScenario(doc, { name: 'S' });
		expect(() =>
			setOverrides(doc, id, [
				{ target: { sheetId: assumptions.id, address: 'B2' }, text: '5' },
				{ target: { sheetId: assumptions.id, address: 'B3' }, text: '=B2*2' }
			])
		).toThrow(/formulas stay in the base/);
		expect(requireScenario(doc, id).overrides.size).toBe(0);
	});

	it('keeps an override on its cell when a row is inserted above it', () => {
		const doc = new Y.Doc();
		const sheet = addSheet(doc, 'Sheet1');
		setCellInput(doc, sheet, 'A5', '10');
		setCellInput(doc, sheet, 'B1', '=A5*2');
		const id = createScenario(doc, {
			name: 'S',
			overrides: [{ target: { sheetId: sheet, address: 'A5' }, text: '50' }]
		});
		insertLines(doc, sheet, 'rows', 0, 2);
		const cells = listOverrideCells(doc, requireScenario(doc, id));
		expect(cells.map(overrideAddress)).toEqual(['A7']);
		const evaluator = createEvaluator(doc);
		evaluator.setOverlay(scenarioOverlay(doc, id));
		expect(evaluator.getValueAt('Sheet1', 'B3').value).toBe(100);
		evaluator.setOverlay(new Map());
		expect(evaluator.getValueAt('Sheet1', 'B3').value).toBe(20);
		evaluator.destroy();
	});

	it('shows a scenario incrementally exactly as a fresh evaluator with the same overlay', () => {
		const doc = new Y.Doc();
		const sheet = addSheet(doc, 'Sheet1');
		setCellInput(doc, sheet, 'A1', '1');
		setCellInput(doc, sheet, 'A2', '=A1+B1');
		const id = createScenario(doc, { name: 'S' });
		const evaluator = createEvaluator(doc);
		evaluator.setOverlay(scenarioOverlay(doc, id));
		setOverrides(doc, id, [{ target: { sheetId: sheet, address: 'A1' }, text: '5' }]);
		evaluator.setOverlay(scenarioOverlay(doc, id));
		// A base edit of an overridden cell does not show; one of another cell flows through.
		setCellInput(doc, sheet, 'A1', '7');
		setCellInput(doc, sheet, 'B1', '100');
		expect(evaluator.getValueAt('Sheet1', 'A2').value).toBe(105);
		const fresh = createEvaluator(doc);
		fresh.setOverlay(scenarioOverlay(doc, id));
		expect(snapshotValues(doc, evaluator)).toEqual(snapshotValues(doc, fresh));
		clearOverrides(doc, id, [{ sheetId: sheet, address: 'A1' }]);
		evaluator.setOverlay(scenarioOverlay(doc, id));
		expect(evaluator.getValueAt('Sheet1', 'A2').value).toBe(107);
		evaluator.destroy();
		fresh.destroy();
	});

	it('compares the key outputs of the property template with a hand computation', () => {
		const { doc, assumptions } = propertyWorkbook();
		const rate = addressOf(doc, 'InterestRate');
		const id = createScenario(doc, {
			name: 'Rate 7.5 %',
			overrides: [{ target: { sheetId: assumptions.id, address: rate }, text: '7.5%' }]
		});
		const evaluator = createEvaluator(doc);
		const comparison = compareScenarios(doc, evaluator);
		expect(comparison.names).toEqual(
			expect.arrayContaining(['MonthlyPayment', 'NOI', 'CashFlow', 'CapRate', 'DSCR'])
		);
		const [base, scenario] = comparison.columns;
		expect(base.scenario).toBeNull();
		expect(scenario.scenario).toEqual({ id, name: 'Rate 7.5 %' });
		const price = evaluator.getNameValue('PurchasePrice')!.value as number;
		const down = evaluator.getNameValue('DownPaymentPct')!.value as number;
		const years = evaluator.getNameValue('LoanTermYears')!.value as number;
		const loan = price * (1 - down);
		const noi = base.values.NOI as number;
		expect(base.values.MonthlyPayment).toBeCloseTo(payment(0.065, years, loan), 6);
		expect(scenario.values.MonthlyPayment).toBeCloseTo(payment(0.075, years, loan), 6);
		expect(scenario.values.NOI).toBeCloseTo(noi, 6);
		expect(scenario.values.CashFlow).toBeCloseTo(noi - 12 * payment(0.075, years, loan), 6);
		expect(scenario.values.DSCR).toBeCloseTo(noi / (12 * payment(0.075, years, loan)), 9);
		expect(scenario.differences!.MonthlyPayment).toBeCloseTo(
			payment(0.075, years, loan) - payment(0.065, years, loan),
			6
		);
		// The evaluator shows the base again afterwards.
		expect(evaluator.getNameValue('InterestRate')!.value).toBe(0.065);
		evaluator.destroy();
	});

	it('re-evaluates only the scenario whose overrides changed when comparing with a cache', () => {
		const doc = new Y.Doc();
		const sheet = addSheet(doc, 'Sheet1');
		setCellInput(doc, sheet, 'A1', '1');
		setCellInput(doc, sheet, 'A2', '=A1*10');
		defineName(doc, 'Out', 'Sheet1!A2');
		const target = { sheetId: sheet, address: 'A1' };
		const a = createScenario(doc, { name: 'A', overrides: [{ target, text: '2' }] });
		createScenario(doc, { name: 'B', overrides: [{ target, text: '3' }] });
		const evaluator = createEvaluator(doc);
		const cache = new ComparisonCache(doc);
		const shown: Overlay[] = [];
		const setOverlay = evaluator.setOverlay.bind(evaluator);
		evaluator.setOverlay = (overlay) => {
			shown.push(overlay);
			setOverlay(overlay);
		};
		const values = () =>
			compareScenarios(doc, evaluator, ['Out'], cache).columns.map((c) => c.values.Out);
		expect(values()).toEqual([10, 20, 30]);
		expect(shown).toHaveLength(3);
		expect(values()).toEqual([10, 20, 30]);
		expect(shown).toHaveLength(3);
		setOverrides(doc, a, [{ target, text: '5' }]);
		expect(values()).toEqual([10, 50, 30]);
		expect(shown).toHaveLength(4);
		setCellInput(doc, sheet, 'A1', '7');
		expect(values()).toEqual([70, 50, 30]);
		expect(shown).toHaveLength(7);
		cache.destroy();
		evaluator.destroy();
	});

	it('tabulates an output over input values and seeks a goal, or says why not', () => {
		const { doc } = propertyWorkbook();
		const evaluator = createEvaluator(doc);
		const table = runSensitivity(doc, evaluator, {
			input: 'InterestRate',
			values: [0.05, 0.06, 0.07],
			outputs: ['DSCR', 'MonthlyPayment']
		});
		expect(table.rows.map((row) => row.value)).toEqual([0.05, 0.06, 0.07]);
		const dscr = table.rows.map((row) => row.results.DSCR as number);
		expect(dscr[0]).toBeGreaterThan(dscr[1]);
		expect(dscr[1]).toBeGreaterThan(dscr[2]);
		const seek = goalSeek(doc, evaluator, { input: 'MonthlyRent', output: 'DSCR', target: 1.25 });
		const check = runSensitivity(doc, evaluator, {
			input: 'MonthlyRent',
			values: [seek.value],
			outputs: ['DSCR']
		});
		expect(check.rows[0].results.DSCR).toBeCloseTo(1.25, 6);
		expect(() =>
			goalSeek(doc, evaluator, {
				input: 'MonthlyRent',
				output: 'DSCR',
				target: 1.25,
				min: 0,
				max: 10
			})
		).toThrow(/never reaches 1.25/);
		expect(() =>
			runSensitivity(doc, evaluator, { input: 'NoSuchName', values: [1], outputs: ['DSCR'] })
		).toThrow(/no defined name/);
		evaluator.destroy();
	});

	it('applies a scenario to the base in one transaction', () => {
		const { doc, assumptions } = propertyWorkbook();
		const rate = addressOf(doc, 'InterestRate');
		const id = createScenario(doc, {
			name: 'S',
			overrides: [{ target: { sheetId: assumptions.id, address: rate }, text: '0.08' }]
		});
		let transactions = 0;
		doc.on('afterTransaction', () => transactions++);
		applyScenario(doc, id, 'me');
		expect(transactions).toBe(1);
		const evaluator = createEvaluator(doc);
		expect(evaluator.getNameValue('InterestRate')!.value).toBe(0.08);
		evaluator.destroy();
	});
});
