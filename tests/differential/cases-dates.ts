/** Date functions: month ends, leap days, every YEARFRAC basis, working days with holidays. */
import type { FunctionGenerator } from './case-kinds';
import { dateExpr, literal } from './literals';

export const DATE_GENERATORS: FunctionGenerator[] = [
	{
		fn: 'DATE',
		category: 'date',
		make: (r) => {
			const roll = r.next();
			if (roll < 0.04) return ['1900', '2', '29'];
			if (roll < 0.08) return [String(r.int(0, 99)), String(r.int(1, 12)), String(r.int(1, 28))];
			// Months and days outside their range roll over into the next or previous year.
			return [String(r.int(1990, 2060)), String(r.int(-3, 15)), String(r.int(-5, 35))];
		}
	},
	{
		fn: 'EDATE',
		category: 'date',
		make: (r) => [dateExpr(r), r.chance(0.15) ? literal(r.num(-12, 12, 1)) : String(r.int(-36, 36))]
	},
	{
		fn: 'EOMONTH',
		category: 'date',
		make: (r) => [dateExpr(r), r.chance(0.15) ? literal(r.num(-12, 12, 1)) : String(r.int(-36, 36))]
	},
	{
		fn: 'YEARFRAC',
		category: 'date',
		make: (r) => {
			const basis = r.chance(0.05) ? ['5'] : r.chance(0.15) ? [] : [String(r.int(0, 4))];
			return [dateExpr(r), dateExpr(r), ...basis];
		}
	},
	{
		fn: 'DAYS',
		category: 'date',
		make: (r) => [dateExpr(r), dateExpr(r)]
	},
	{
		fn: 'DATEDIF',
		category: 'date',
		make: (r) => {
			const unit = `"${r.pick(['Y', 'M', 'D', 'YM', 'YD', 'MD'])}"`;
			const from = dateExpr(r);
			const to = dateExpr(r);
			return [from, to, unit];
		}
	},
	{
		fn: 'NETWORKDAYS',
		category: 'date',
		make: (r) => {
			const start = `DATE(2024,${r.int(1, 12)},${r.int(1, 28)})`;
			const end = r.chance(0.2) ? dateExpr(r) : `DATE(2024,${r.int(1, 12)},${r.int(1, 31)})`;
			return r.chance(0.5) ? [start, end, 'H1:H6'] : [start, end];
		}
	},
	{
		fn: 'WORKDAY',
		category: 'date',
		make: (r) => {
			const start = `DATE(2024,${r.int(1, 12)},${r.int(1, 28)})`;
			const days = String(r.int(-60, 60));
			return r.chance(0.5) ? [start, days, 'H1:H6'] : [start, days];
		}
	},
	{
		fn: 'WEEKDAY',
		category: 'date',
		make: (r) => {
			const type = r.chance(0.3) ? [] : [String(r.pick([1, 2, 3, 11, 12, 13, 14, 15, 16, 17]))];
			return [dateExpr(r), ...type];
		}
	},
	{
		fn: 'YEAR',
		category: 'date',
		make: (r) => [r.chance(0.3) ? 'K3' : dateExpr(r)]
	},
	{
		fn: 'MONTH',
		category: 'date',
		make: (r) => [dateExpr(r)]
	},
	{
		fn: 'DAY',
		category: 'date',
		make: (r) => [dateExpr(r)]
	}
];
