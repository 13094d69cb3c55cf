/** Argument pieces the generators share: rates, amounts, dates and ranges as people type them. */
import type { SeededRandom } from './random';

/** A number literal with few decimals (negative numbers keep their sign). */
export function literal(value: number): string {
	return String(Number(value.toFixed(10)));
}

/**
 * A periodic rate and a number of periods that belong together: monthly (an annual rate over 12,
 * up to 360 months) or yearly (up to 40 years), plus zero, negative and large rates over short
 * terms. Large rates are never paired with long terms: (1+rate)^nper past ~1e6 cancels away
 * most digits in any implementation, so no two spreadsheets agree there within 1e-9.
 */
export function loanTerms(random: SeededRandom): { rate: string; nper: string } {
	const roll = random.next();
	const nper = (max: number) =>
		random.chance(0.08) ? literal(random.num(1, max, 2)) : String(random.int(1, max));
	if (roll < 0.07) return { rate: '0', nper: nper(360) };
	if (roll < 0.13) return { rate: literal(-random.num(0.001, 0.05, 4)), nper: nper(40) };
	if (roll < 0.19) return { rate: literal(random.num(0.2, 1.5, 3)), nper: nper(12) };
	if (roll < 0.23) return { rate: literal(random.num(0.01, 0.1, 3)), nper: '0' };
	if (roll < 0.65) {
		const months = random.chance(0.5)
			? String(random.pick([12, 60, 120, 180, 240, 300, 360]))
			: nper(360);
		return { rate: `${literal(random.num(0.02, 0.12, 4))}/12`, nper: months };
	}
	return { rate: literal(random.num(0.01, 0.15, 4)), nper: nper(40) };
}

/** A present value (loan amount), sometimes negative or zero. */
export function amount(random: SeededRandom): string {
	const roll = random.next();
	if (roll < 0.05) return '0';
	if (roll < 0.2) return literal(-random.num(1000, 500000, 2));
	return literal(random.num(1000, 750000, 2));
}

/** An annuity type: usually omitted, else 0 or 1. */
export function optionalType(random: SeededRandom): string[] {
	const roll = random.next();
	if (roll < 0.4) return [];
	return [roll < 0.7 ? '0' : '1'];
}

/** A date expression: DATE(…) near month ends and leap days, a cell of the flow dates, a serial. */
export function dateExpr(random: SeededRandom): string {
	const roll = random.next();
	if (roll < 0.2) return `B${random.int(1, 10)}`;
	if (roll < 0.3) return String(random.int(36526, 54789));
	const year = random.chance(0.3)
		? random.pick([2000, 2020, 2024, 2028, 2100])
		: random.int(1995, 2040);
	const month = random.int(1, 12);
	const day = random.chance(0.4) ? random.pick([28, 29, 30, 31]) : random.int(1, 28);
	return `DATE(${year},${month},${day})`;
}

/**
 * A list of cash flows: the flow column, a part of it, or an array constant of an investment
 * (one outflow, then mostly inflows), sometimes with no sign change at all (no IRR exists).
 */
export function cashFlows(random: SeededRandom): string {
	const roll = random.next();
	if (roll < 0.35) return 'A1:A10';
	// Shorter parts of the column return too little for a sensible IRR.
	if (roll < 0.45) return `A1:A${random.int(7, 9)}`;
	const outlay = random.num(1000, 100000, 0);
	const count = random.int(2, 8);
	const flows = [literal(-outlay)];
	for (let i = 1; i < count; i++) {
		const inflow = random.chance(0.1) ? -random.num(0, 0.1, 3) : random.num(0.05, 0.6, 3);
		flows.push(literal(Math.round(inflow * outlay)));
	}
	// Enough coming back that the IRR is a sensible rate: a root near -100% is a solver lottery.
	const returned = flows.slice(1).reduce((sum, flow) => sum + Number(flow), 0);
	if (returned < outlay * 0.9) flows.push(literal(Math.round(outlay * 0.9 - returned)));
	if (random.chance(0.08)) flows[0] = literal(outlay / 10);
	return `{${flows.join(',')}}`;
}

/** A rent-roll name, a wildcard pattern, or a name that is not there. */
export function unitKey(random: SeededRandom): string {
	return `"${random.pick([
		'Maple St 1',
		'Oak Ct 3',
		'Cedar Way 8',
		'oak ct 7',
		'Map*',
		'Oak*',
		'?ak*',
		'*8',
		'Birch*',
		'Zed*',
		'Elm St 9'
	])}"`;
}
