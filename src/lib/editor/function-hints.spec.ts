import { describe, expect, it } from 'vitest';
import { completeFunction, functionArguments } from './function-hints';

describe('function hints', () => {
	it('completes from the functions HyperFormula really has', () => {
		expect(completeFunction('pm')).toContain('PMT');
		expect(completeFunction('')).toEqual([]);
		expect(completeFunction('zzz')).toEqual([]);
	});

	it('has argument hints for the finance functions', () => {
		expect(functionArguments('pmt')?.[0]).toBe('rate');
		expect(functionArguments('NOSUCH')).toBeNull();
	});
});
