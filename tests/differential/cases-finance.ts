/** Loan, return and depreciation functions, with the edge cases a CPA runs into. */
import type { FunctionGenerator } from './case-kinds';
import { amount, cashFlows, literal, loanTerms, optionalType } from './literals';
import type { SeededRandom } from './random';

/** A period number for IPMT/PPMT: usually inside 1..nper, sometimes 0, past the end or fractional. */
function periodWithin(random: SeededRandom, nper: string): string {
	const n = Math.max(1, Math.floor(Number(nper) || 12));
	const roll = random.next();
	if (roll < 0.07) return '0';
	if (roll < 0.14) return String(n + random.int(1, 3));
	if (roll < 0.2) return literal(random.num(1, n, 2));
	return String(random.int(1, n));
}

function optionalFv(random: SeededRandom): string[] {
	return random.chance(0.3) ? [literal(random.num(-50000, 50000, 0))] : [];
}

/** `[fv[, type]]` with type only after fv, as the signatures require. */
function fvAndType(random: SeededRandom): string[] {
	const fv = optionalFv(random);
	const type = optionalType(random);
	if (type.length === 0) return fv;
	return [fv[0] ?? '0', ...type];
}

function loanArgs(random: SeededRandom): [string, string, string] {
	const { rate, nper } = loanTerms(random);
	return [rate, nper, amount(random)];
}

/** Cost, salvage and life of an asset. */
function asset(random: SeededRandom): [string, string, string] {
	const cost = random.num(5000, 500000, 0);
	// Salvage above cost or a zero life: Microsoft documents no answer, so none is generated.
	const salvage = random.num(0, cost / 4, 0);
	const life = random.int(3, 40);
	return [literal(cost), literal(salvage), String(life)];
}

export const FINANCE_GENERATORS: FunctionGenerator[] = [
	{
		fn: 'PMT',
		category: 'finance',
		make: (r) => [...loanArgs(r), ...fvAndType(r)]
	},
	{
		fn: 'IPMT',
		category: 'finance',
		make: (r) => {
			const [rate, nper, pv] = loanArgs(r);
			return [rate, periodWithin(r, nper), nper, pv, ...fvAndType(r)];
		}
	},
	{
		fn: 'PPMT',
		category: 'finance',
		make: (r) => {
			const [rate, nper, pv] = loanArgs(r);
			return [rate, periodWithin(r, nper), nper, pv, ...fvAndType(r)];
		}
	},
	...(['CUMIPMT', 'CUMPRINC'] as const).map((fn): FunctionGenerator => ({
		fn,
		category: 'finance',
		make: (r) => {
			const [rate, nper, pv] = loanArgs(r);
			const start = periodWithin(r, nper);
			const end = r.chance(0.1) ? start : periodWithin(r, nper);
			const ordered = Number(start) <= Number(end) || r.chance(0.1) ? [start, end] : [end, start];
			return [rate, nper, pv, ...ordered, r.chance(0.05) ? '2' : r.pick(['0', '1'])];
		}
	})),
	{
		fn: 'PV',
		category: 'finance',
		make: (r) => {
			const { rate, nper } = loanTerms(r);
			return [rate, nper, literal(-r.num(100, 5000, 2)), ...fvAndType(r)];
		}
	},
	{
		fn: 'FV',
		category: 'finance',
		make: (r) => {
			const type = optionalType(r);
			const pv = r.chance(0.5) || type.length ? [literal(-r.num(0, 100000, 0))] : [];
			const { rate, nper } = loanTerms(r);
			return [rate, nper, literal(-r.num(50, 3000, 2)), ...pv, ...type];
		}
	},
	{
		fn: 'NPER',
		category: 'finance',
		make: (r) => {
			const pv = r.num(1000, 300000, 0);
			// Sometimes a payment below the interest, which never repays the loan (#NUM!).
			const pmt = r.chance(0.15) ? pv * 0.001 : r.num(pv / 360, pv / 12, 2);
			return [loanTerms(r).rate, literal(-pmt), literal(pv), ...fvAndType(r)];
		}
	},
	{
		fn: 'RATE',
		category: 'finance',
		make: (r) => {
			const nper = r.int(2, 360);
			const pv = r.num(1000, 300000, 0);
			const roll = r.next();
			// Mostly a payment that implies a sensible rate; sometimes one of the same sign as the
			// loan, for which no rate exists (#NUM!).
			const pmt = roll < 0.15 ? pv * 2 : (pv / nper) * r.num(1, 2.5, 3);
			const sign = roll < 0.2 ? 1 : -1;
			// A guess near where rates live; a far one makes any solver's answer its own.
			const tail = r.chance(0.3) ? ['0', r.pick(['0', '1']), r.pick(['0.01', '0.05', '0.1'])] : [];
			return [String(nper), literal(sign * pmt), literal(pv), ...tail];
		}
	},
	{
		fn: 'NPV',
		category: 'finance',
		make: (r) => {
			const rate = literal(r.num(-0.05, 0.2, 4));
			if (r.chance(0.3)) return [rate, 'A2:A10', ...(r.chance(0.5) ? ['1000'] : [])];
			return [rate, cashFlows(r)];
		}
	},
	{
		fn: 'SUMPRODUCT',
		category: 'finance',
		// The hand-made NPV schedule: discount each flow by its row offset.
		make: (r) => {
			const rate = literal(r.num(0.01, 0.15, 3));
			const last = r.int(4, 10);
			return {
				body: `SUMPRODUCT(A2:A${last}/(1+${rate})^(ROW(A2:A${last})-1))+A1`
			};
		}
	},
	{
		fn: 'XNPV',
		category: 'finance',
		make: (r) => {
			const rate = literal(r.num(0.01, 0.2, 4));
			if (r.chance(0.6)) return [rate, 'A1:A10', 'B1:B10'];
			// A date before the first one (LibreOffice and Excel differ), or in order.
			const dates = [45306, 45352, 45473, 45657];
			if (r.chance(0.3)) dates[2] = 45000;
			const flows = ['-10000', '2750', '4250', '3250'];
			return [rate, `{${flows.join(',')}}`, `{${dates.join(',')}}`];
		}
	},
	{
		fn: 'IRR',
		category: 'finance',
		make: (r) => {
			if (r.chance(0.1)) return ['{-1000,-200,-300}'];
			const flows = cashFlows(r);
			return r.chance(0.3) ? [flows, r.pick(['-0.1', '0.05', '0.1', '0.2'])] : [flows];
		}
	},
	{
		fn: 'XIRR',
		category: 'finance',
		make: (r) => {
			if (r.chance(0.5)) {
				return r.chance(0.3)
					? ['A1:A10', 'B1:B10', literal(r.num(0.01, 0.3, 2))]
					: ['A1:A10', 'B1:B10'];
			}
			const first = -r.num(5000, 50000, 0);
			const flows = [first, r.num(0, 20000, 0), r.num(-2000, 30000, 0), r.num(0, 60000, 0)];
			// Enough back for a sensible rate, and one sign change: more would allow several roots.
			const returned = flows[1] + flows[2] + flows[3];
			if (returned < -first * 0.9) flows[3] += Math.round(-first * 0.9 - returned);
			const start = 45000 + r.int(0, 400);
			const dates = [
				start,
				start + r.int(10, 200),
				start + r.int(201, 500),
				start + r.int(501, 1500)
			];
			return [`{${flows.map(literal).join(',')}}`, `{${dates.join(',')}}`];
		}
	},
	{
		fn: 'MIRR',
		category: 'finance',
		make: (r) => [cashFlows(r), literal(r.num(0, 0.15, 3)), literal(r.num(0, 0.15, 3))]
	},
	{
		fn: 'SLN',
		category: 'finance',
		make: (r) => asset(r)
	},
	{
		fn: 'DB',
		category: 'finance',
		make: (r) => {
			const [cost, salvage, life] = asset(r);
			const n = Math.max(1, Number(life));
			const period = r.chance(0.1) ? String(n + 2) : String(r.int(1, n));
			return r.chance(0.4)
				? [cost, salvage, life, period, String(r.int(1, 12))]
				: [cost, salvage, life, period];
		}
	},
	{
		fn: 'DDB',
		category: 'finance',
		make: (r) => {
			const [cost, salvage, life] = asset(r);
			const n = Math.max(1, Number(life));
			const period = r.chance(0.1) ? String(n + 1) : String(r.int(1, n));
			return r.chance(0.4)
				? [cost, salvage, life, period, literal(r.num(1, 3, 1))]
				: [cost, salvage, life, period];
		}
	},
	{
		fn: 'VDB',
		category: 'finance',
		make: (r) => {
			const [cost, salvage, life] = asset(r);
			const n = Math.max(1, Number(life));
			const start = r.int(0, n - 1);
			const end = r.chance(0.1) ? n + 2 : r.int(start, n);
			const tail = r.chance(0.4) ? [literal(r.num(1, 3, 1)), r.pick(['TRUE', 'FALSE'])] : [];
			return [cost, salvage, life, String(start), String(end), ...tail];
		}
	},
	{
		fn: 'EFFECT',
		category: 'finance',
		make: (r) => [
			r.chance(0.1) ? r.pick(['0', '-0.05']) : literal(r.num(0.01, 0.2, 4)),
			r.chance(0.1) ? r.pick(['0', '0.5', '12.7']) : String(r.pick([1, 2, 4, 12, 52, 365]))
		]
	},
	{
		fn: 'NOMINAL',
		category: 'finance',
		make: (r) => [
			r.chance(0.1) ? r.pick(['0', '-0.05']) : literal(r.num(0.01, 0.2, 4)),
			r.chance(0.1) ? r.pick(['0', '0.5', '12.7']) : String(r.pick([1, 2, 4, 12, 52, 365]))
		]
	}
];
