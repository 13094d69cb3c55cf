import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeTemplate } from '../templates/builder';
import { buildPropertyTemplate } from '../templates/property';
import { addRule, appendLedgerRows, readLedgerState, readRules } from './ledger-doc';
import { readMapping } from './statement-mapping';
import { parseStatement, planImport } from './statement-import';
import { BooksError } from './errors';

const fixture = (name: string) =>
	readFileSync(new URL(`../../../../tests/fixtures/statements/${name}`, import.meta.url), 'utf8');

const CHASE = readMapping({
	date: 'Transaction Date',
	description: 'Description',
	debit: 'Debit',
	credit: 'Credit',
	memo: 'Memo'
});

function propertyDoc(): Y.Doc {
	const doc = new Y.Doc();
	writeTemplate(doc, buildPropertyTemplate());
	return doc;
}

describe('parseStatement', () => {
	it('reads a Chase-like debit/credit file, money out negative and money in positive', () => {
		const parsed = parseStatement(fixture('chase.csv'), CHASE, []);
		expect(parsed.transactions.map((tx) => [tx.date, tx.amount])).toEqual([
			['2026-01-05', -1200],
			['2026-01-05', -45.1],
			['2026-01-05', -45.1],
			['2026-01-14', 1650],
			['2026-01-20', -95]
		]);
		expect(parsed.transactions[0].memo).toBe('Policy 1');
	});

	it('keeps same-day identical charges distinct by their position', () => {
		const parsed = parseStatement(fixture('chase.csv'), CHASE, []);
		expect(new Set(parsed.fingerprints).size).toBe(5);
	});

	it('reads a European semicolon file with 1.234,56 amounts and DD.MM.YYYY dates', () => {
		const mapping = readMapping({
			date: 'Buchungstag',
			description: 'Empfänger',
			amount: 'Betrag',
			memo: 'Verwendungszweck',
			dateFormat: 'DD.MM.YYYY',
			decimal: ','
		});
		const parsed = parseStatement(fixture('european.csv'), mapping, []);
		expect(parsed.transactions.map((tx) => [tx.date, tx.description, tx.amount])).toEqual([
			['2026-01-05', 'Stadtwerke München', -1234.56],
			['2026-01-06', 'Mieter Schmidt', 2100],
			['2026-01-15', 'Allianz Versicherung', -310.2]
		]);
	});

	it('detects the decimal comma and day-first dots without being told', () => {
		const mapping = readMapping({
			date: 'Buchungstag',
			description: 'Empfänger',
			amount: 'Betrag'
		});
		const parsed = parseStatement(fixture('european.csv'), mapping, []);
		expect(parsed.transactions[0]).toMatchObject({ date: '2026-01-05', amount: -1234.56 });
	});

	it('skips a preamble before the header row and reads parentheses and trailing minus', () => {
		const mapping = readMapping({
			date: 'Date',
			description: 'Description',
			amount: 'Amount',
			reference: 'Reference'
		});
		const parsed = parseStatement(fixture('preamble.csv'), mapping, []);
		expect(parsed.headers).toEqual(['Date', 'Description', 'Amount', 'Reference']);
		expect(parsed.transactions.map((tx) => [tx.date, tx.amount, tx.reference])).toEqual([
			['2026-01-02', -1200, 'R1'],
			['2026-01-03', 1650, 'R2'],
			['2026-01-15', -380, 'R3'],
			['2026-01-20', -2100, 'R4']
		]);
	});

	it('uses the remembered mapping of the same layout, and asks for one otherwise', () => {
		const first = parseStatement(fixture('chase.csv'), CHASE, []);
		const again = parseStatement(fixture('chase.csv'), null, [
			{ signature: first.signature, mapping: CHASE }
		]);
		expect(again.transactions).toHaveLength(5);
		expect(() => parseStatement(fixture('preamble.csv'), null, [])).toThrow(
			expect.objectContaining({ code: 'mapping_required', status: 400 })
		);
	});

	it('asks for the date format when every date reads both ways', () => {
		const csv = 'Date,Payee,Amount\n01/02/2026,A,1\n03/04/2026,B,2\n';
		const mapping = readMapping({ date: 'Date', description: 'Payee', amount: 'Amount' });
		expect(() => parseStatement(csv, mapping, [])).toThrow(
			expect.objectContaining({ code: 'ambiguous_date' })
		);
		const dayFirst = parseStatement(csv, { ...mapping, dateFormat: 'DD/MM/YYYY' }, []);
		expect(dayFirst.transactions[0].date).toBe('2026-02-01');
	});

	it('names the line of a date it cannot read', () => {
		const csv = 'Date,Payee,Amount\n2026-01-02,A,1\nyesterday,B,2\n';
		const mapping = readMapping({ date: 'Date', description: 'Payee', amount: 'Amount' });
		expect(() => parseStatement(csv, mapping, [])).toThrow(/Line 3/);
	});

	it('refuses a mapping naming columns the file lacks', () => {
		const mapping = readMapping({ date: 'Datum', description: 'Payee', amount: 'Amount' });
		expect(() => parseStatement(fixture('chase.csv'), mapping, [])).toThrow(BooksError);
	});
});

describe('planImport', () => {
	it('adds no row twice when the same or an overlapping statement is imported again', () => {
		const doc = propertyDoc();
		const parsed = parseStatement(fixture('chase.csv'), CHASE, []);
		const plan = planImport(readLedgerState(doc), [], parsed);
		expect(plan.entries).toHaveLength(5);
		appendLedgerRows(doc, readLedgerState(doc), plan.entries);
		const again = planImport(readLedgerState(doc), [], parsed);
		expect(again).toMatchObject({ duplicates: 5, entries: [] });
		const overlap = fixture('chase.csv') + '01/25/2026,01/26/2026,ACE HARDWARE,Home,Sale,12.00,,\n';
		const next = planImport(readLedgerState(doc), [], parseStatement(overlap, CHASE, []));
		expect(next.entries.map((entry) => entry.payee)).toEqual(['ACE HARDWARE']);
	});

	it('categorises by rules and sign, and suggests from earlier rows with the same payee', () => {
		const doc = propertyDoc();
		addRule(doc, { contains: 'State Farm', line: '9' });
		addRule(doc, { contains: 'Zelle from', line: '3', sign: 'in' });
		appendLedgerRows(doc, readLedgerState(doc), [
			{
				date: '2025-12-01',
				payee: 'City Utilities',
				amount: 90,
				direction: 'out',
				line: 17,
				memo: '',
				reference: '',
				importId: 'x1'
			}
		]);
		const plan = planImport(
			readLedgerState(doc),
			readRules(doc),
			parseStatement(fixture('chase.csv'), CHASE, [])
		);
		expect(plan.entries.map((entry) => [entry.payee, entry.line, entry.suggested])).toEqual([
			['STATE FARM INSURANCE', 9, undefined],
			['HOME DEPOT #1234', undefined, undefined],
			['HOME DEPOT #1234', undefined, undefined],
			['ZELLE FROM J RIVERA', 3, undefined],
			['CITY UTILITIES', undefined, 17]
		]);
		expect(plan.uncategorised).toBe(3);
	});
});
