import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setCellInput } from '$lib/core/operations/cells';
import { addSheet } from '$lib/core/operations/sheets';
import { insertLines } from '$lib/core/operations/structure';
import { createScenario, setOverrides } from '$lib/core/scenarios';
import { axisOf, sheetById } from '$lib/core/document-view';
import { MainThreadValues } from './values/cell-values';
import { ScenarioOverlay } from './scenario-overlay';

function valueAt(doc: Y.Doc, values: MainThreadValues, sheetId: string, row: number, col: number) {
	const sheet = sheetById(doc, sheetId)!;
	return values.getValue(
		sheetId,
		axisOf(doc, sheet, 'rows').ids[row],
		axisOf(doc, sheet, 'cols').ids[col]
	).value;
}

describe('a tab showing a scenario', () => {
	it('follows the scenario through others’ overrides and row inserts, and switches back to the base', () => {
		const mine = new Y.Doc();
		const sheet = addSheet(mine, 'Sheet1');
		setCellInput(mine, sheet, 'A5', '10');
		setCellInput(mine, sheet, 'B1', '=A5*2');
		const id = createScenario(mine, {
			name: 'S',
			overrides: [{ target: { sheetId: sheet, address: 'A5' }, text: '50' }]
		});
		const theirs = new Y.Doc();
		Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
		theirs.on('update', (update: Uint8Array) => Y.applyUpdate(mine, update));

		const overlay = new ScenarioOverlay(mine);
		const values = new MainThreadValues(mine);
		values.showScenario(overlay);
		overlay.show(id);
		expect(valueAt(mine, values, sheet, 0, 1)).toBe(100);

		// Someone else inserts two rows above and changes the override, in one change each.
		insertLines(theirs, sheet, 'rows', 0, 2);
		expect(valueAt(mine, values, sheet, 2, 1)).toBe(100);
		setOverrides(theirs, id, [{ target: { sheetId: sheet, address: 'A7' }, text: '70' }]);
		expect(valueAt(mine, values, sheet, 2, 1)).toBe(140);
		expect(valueAt(mine, values, sheet, 6, 0)).toBe(70);

		overlay.show(null);
		expect(valueAt(mine, values, sheet, 2, 1)).toBe(20);
		expect(valueAt(mine, values, sheet, 6, 0)).toBe(10);
		values.destroy();
		overlay.destroy();
	});
});
