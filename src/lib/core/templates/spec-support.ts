/**
 * Helpers the template specs share: seed a template into a fresh document with an evaluator,
 * read numbers by name or address, and list every cell that evaluates to an error.
 */
import * as Y from 'yjs';
import { columnLetters } from '../addresses';
import { createEvaluator, type WorkbookEvaluator } from '../evaluator';
import { applyCellUpdates, listSheets, readCells } from '../workbook-api';
import { seedTemplate } from './index';

/** A seeded template document with its evaluator. */
export interface SeededTemplate {
	doc: Y.Doc;
	evaluator: WorkbookEvaluator;
	/** The number a defined name evaluates to (throws if it is not a number). */
	name(name: string): number;
	/** The number at `sheet!address` (throws if it is not a number). */
	num(sheet: string, address: string): number;
	/** The raw value at `sheet!address`. */
	value(sheet: string, address: string): unknown;
	/** Types inputs as a person would: `ref` is an address on `sheet` or a defined name. */
	type(updates: Record<string, string>, sheet?: string): void;
	/** Every cell whose value is an error, as `Sheet!A1: #CODE (input)`. */
	errors(): string[];
}

function asNumber(value: unknown, where: string): number {
	if (typeof value !== 'number')
		throw new Error(`${where} is ${JSON.stringify(value)}, not a number`);
	return value;
}

/** Seeds `templateId` into a new document and attaches an evaluator. */
export function seed(templateId: string): SeededTemplate {
	const doc = new Y.Doc();
	seedTemplate(doc, templateId);
	const evaluator = createEvaluator(doc);
	const value = (sheet: string, address: string) => evaluator.getValueAt(sheet, address).value;
	return {
		doc,
		evaluator,
		value,
		name: (name) => asNumber(evaluator.getNameValue(name)?.value, name),
		num: (sheet, address) => asNumber(value(sheet, address), `${sheet}!${address}`),
		type: (updates, sheet) =>
			applyCellUpdates(doc, {
				sheet,
				updates: Object.entries(updates).map(([ref, input]) => ({ ref, input }))
			}),
		errors: () => {
			const found: string[] = [];
			for (const sheet of listSheets(doc)) {
				const range = `A1:${columnLetters(sheet.colCount - 1)}${sheet.rowCount}`;
				for (const row of readCells(doc, sheet.name, range, evaluator)) {
					for (const cell of row) {
						if (cell.error)
							found.push(`${sheet.name}!${cell.ref}: ${cell.error.code} (${cell.input})`);
					}
				}
			}
			return found;
		}
	};
}
