import { describe, expect, it } from 'vitest';
import { ISO_4217_CODES, isCurrencyCode } from './iso4217';

describe('ISO 4217 codes', () => {
	it('accepts the codes of currencies in use', () => {
		for (const code of ['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'INR', 'BRL', 'XOF', 'ZWG', 'XCG']) {
			expect(isCurrencyCode(code), code).toBe(true);
		}
	});

	it('refuses withdrawn, reserved, lower-case, padded and made-up codes', () => {
		for (const code of ['HRK', 'XXX', 'XTS', 'usd', ' USD', 'US', 'USDD', 'ABC', '', 42, null]) {
			expect(isCurrencyCode(code), String(code)).toBe(false);
		}
	});

	it('lists each code once, sorted, as three capital letters', () => {
		expect(new Set(ISO_4217_CODES).size).toBe(ISO_4217_CODES.length);
		expect([...ISO_4217_CODES].sort()).toEqual(ISO_4217_CODES);
		for (const code of ISO_4217_CODES) expect(code).toMatch(/^[A-Z]{3}$/);
		expect(ISO_4217_CODES.length).toBeGreaterThan(170);
	});
});
