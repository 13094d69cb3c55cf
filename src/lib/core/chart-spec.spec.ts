import { describe, expect, it } from 'vitest';
import { InvalidChartError } from './chart-errors';
import { MAX_CHART_SERIES, parseChartPatch, parseChartSpec } from './chart-spec';

describe('chart spec validation (JSON from the network)', () => {
	it('accepts a spec, trimming text and defaulting the title and labels', () => {
		expect(
			parseChartSpec({ type: 'pie', sheet: ' Sheet1 ', series: [{ name: ' A ', range: 'B2:B4' }] })
		).toEqual({
			type: 'pie',
			title: '',
			sheet: 'Sheet1',
			labels: null,
			series: [{ name: 'A', range: 'B2:B4' }]
		});
	});

	it.each([
		['a list', []],
		['null', null],
		['an unknown type', { type: 'radar', series: [{ name: 'a', range: 'A1' }] }],
		['no series', { type: 'bar', series: [] }],
		['a series without range', { type: 'bar', series: [{ name: 'a' }] }],
		['a numeric title', { type: 'bar', title: 3, series: [{ name: 'a', range: 'A1' }] }],
		['an empty sheet', { type: 'bar', sheet: ' ', series: [{ name: 'a', range: 'A1' }] }],
		['a long title', { type: 'bar', title: 'x'.repeat(201), series: [{ name: 'a', range: 'A1' }] }],
		[
			'too many series',
			{ type: 'bar', series: Array(MAX_CHART_SERIES + 1).fill({ name: 'a', range: 'A1' }) }
		]
	])('refuses %s', (_, body) => {
		expect(() => parseChartSpec(body)).toThrow(InvalidChartError);
	});

	it('reads a patch of any fields, null labels meaning numbered categories', () => {
		expect(parseChartPatch({ title: 'T', labels: null })).toEqual({ title: 'T', labels: null });
		expect(parseChartPatch({ type: 'stackedBar' })).toEqual({ type: 'stackedBar' });
	});

	it('refuses an empty or malformed patch', () => {
		expect(() => parseChartPatch({})).toThrow(InvalidChartError);
		expect(() => parseChartPatch({ type: 'area' })).toThrow(InvalidChartError);
		expect(() => parseChartPatch({ series: 'B2:B4' })).toThrow(InvalidChartError);
	});
});
