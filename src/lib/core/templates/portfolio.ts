/**
 * The investment-portfolio template: funds and companies with invested capital, fees,
 * distributions and current valuation; MOIC, TVPI, DPI and RVPI; IRR by XIRR over a dated
 * cash-flow table (the valuation counts as a final inflow on the valuation date); and KPIs per
 * company per quarter.
 *
 * Definitions: contributed = capital called for investments; paid-in = contributed + fees;
 * total value = distributions + valuation; MOIC = total value ÷ contributed (gross of fees);
 * TVPI = total value ÷ paid-in; DPI = distributions ÷ paid-in; RVPI = valuation ÷ paid-in.
 */
import { FORMATS, SheetBuilder, columnName, type TemplateSpec } from './builder';
import type { TemplateChart } from './types';

const INV_FIRST = 4;
const INV_CAPACITY = 10;
const INV_LAST = INV_FIRST + INV_CAPACITY - 1;
const INV_TOTAL = INV_LAST + 1;
const CF_FIRST = 2;
const CF_LAST = CF_FIRST + 59;
/** IRR flows: row 2 is the schedule's first date, rows 3… mirror the cash flows, then the valuation. */
const IRR_FIRST = 2;
const IRR_VALUATION = IRR_FIRST + 1 + (CF_LAST - CF_FIRST + 1);

const INVESTMENTS: [string, 'Fund' | 'Company', number, number][] = [
	['Northwind Growth Fund II', 'Fund', 250000, 190000],
	['Harbor Real Estate Fund', 'Fund', 150000, 104000],
	['Acme Robotics', 'Company', 50000, 120000],
	['Bluebird Health', 'Company', 50000, 35000],
	['Cedar Analytics', 'Company', 25000, 0]
];

const CASH_FLOWS: [string, string, 'Contribution' | 'Fee' | 'Distribution', number][] = [
	['2020-02-10', 'Cedar Analytics', 'Contribution', 25000],
	['2021-03-15', 'Northwind Growth Fund II', 'Contribution', 50000],
	['2021-03-15', 'Northwind Growth Fund II', 'Fee', 2500],
	['2021-07-01', 'Acme Robotics', 'Contribution', 50000],
	['2022-01-20', 'Northwind Growth Fund II', 'Contribution', 75000],
	['2022-01-20', 'Northwind Growth Fund II', 'Fee', 2500],
	['2022-05-01', 'Harbor Real Estate Fund', 'Contribution', 100000],
	['2022-05-01', 'Harbor Real Estate Fund', 'Fee', 1500],
	['2022-11-15', 'Bluebird Health', 'Contribution', 40000],
	['2023-05-01', 'Harbor Real Estate Fund', 'Distribution', 6000],
	['2023-06-30', 'Northwind Growth Fund II', 'Contribution', 60000],
	['2024-03-01', 'Cedar Analytics', 'Distribution', 70000],
	['2024-05-01', 'Harbor Real Estate Fund', 'Distribution', 6500],
	['2024-09-30', 'Northwind Growth Fund II', 'Distribution', 40000],
	['2024-11-15', 'Bluebird Health', 'Contribution', 10000],
	['2025-05-01', 'Harbor Real Estate Fund', 'Distribution', 7000],
	['2025-06-30', 'Northwind Growth Fund II', 'Distribution', 55000]
];

/** Quarterly KPIs: company, quarter, quarter end, revenue, EBITDA, cash, headcount. */
const KPIS: [string, string, string, number, number, number, number][] = [
	['Acme Robotics', '2025 Q1', '2025-03-31', 1200000, 96000, 2400000, 38],
	['Acme Robotics', '2025 Q2', '2025-06-30', 1380000, 151800, 2510000, 41],
	['Acme Robotics', '2025 Q3', '2025-09-30', 1520000, 212800, 2690000, 44],
	['Acme Robotics', '2025 Q4', '2025-12-31', 1710000, 273600, 2930000, 47],
	['Bluebird Health', '2025 Q1', '2025-03-31', 410000, -220000, 1900000, 22],
	['Bluebird Health', '2025 Q2', '2025-06-30', 450000, -205000, 1690000, 23],
	['Bluebird Health', '2025 Q3', '2025-09-30', 470000, -198000, 1480000, 23],
	['Bluebird Health', '2025 Q4', '2025-12-31', 520000, -176000, 3300000, 25]
];

const cashFlows = (column: string) => `'Cash flows'!$${column}$${CF_FIRST}:$${column}$${CF_LAST}`;
const sumFlows = (r: number, type: string) =>
	`=SUMIFS(${cashFlows('D')},${cashFlows('B')},$A${r},${cashFlows('C')},"${type}")`;

function buildInvestments(): SheetBuilder {
	const sheet = new SheetBuilder('Investments', { rows: 30, cols: 16 });
	sheet.labelled(1, [
		{ label: 'Valuation date', value: '2025-12-31', format: FORMATS.date, name: 'ValuationDate' }
	]);
	sheet.headers(`A${INV_FIRST - 1}`, [
		'Name',
		'Kind',
		'Committed',
		'Contributed',
		'Fees',
		'Paid-in',
		'Distributions',
		'Valuation',
		'Total value',
		'MOIC',
		'TVPI',
		'DPI',
		'RVPI',
		'IRR (XIRR)'
	]);
	INVESTMENTS.forEach(([name, kind, committed, valuation], i) => {
		const r = INV_FIRST + i;
		sheet.text(`A${r}`, name).text(`B${r}`, kind).set(`C${r}`, committed).set(`H${r}`, valuation);
	});
	const ratio = (r: number, top: string, bottom: string) =>
		`=IF(${bottom}${r}=0,"",${top}${r}/${bottom}${r})`;
	for (let r = INV_FIRST; r <= INV_TOTAL; r++) {
		const total = r === INV_TOTAL;
		const flows = columnName(r - INV_FIRST + 1);
		if (total) {
			sheet.text(`A${r}`, 'Portfolio').bold(`A${r}:N${r}`);
			for (const c of ['C', 'D', 'E', 'F', 'G', 'H', 'I']) {
				sheet.set(`${c}${r}`, `=SUM(${c}${INV_FIRST}:${c}${INV_LAST})`);
			}
		} else {
			sheet.set(`D${r}`, sumFlows(r, 'Contribution')).set(`E${r}`, sumFlows(r, 'Fee'));
			sheet.set(`F${r}`, `=D${r}+E${r}`).set(`G${r}`, sumFlows(r, 'Distribution'));
			sheet.set(`I${r}`, `=G${r}+H${r}`);
		}
		sheet.set(`J${r}`, ratio(r, 'I', 'D')).set(`K${r}`, ratio(r, 'I', 'F'));
		sheet.set(`L${r}`, ratio(r, 'G', 'F')).set(`M${r}`, ratio(r, 'H', 'F'));
		const column = total ? columnName(INV_CAPACITY + 1) : flows;
		const xirr = `XIRR('IRR flows'!${column}$${IRR_FIRST}:${column}$${IRR_VALUATION},'IRR flows'!$A$${IRR_FIRST}:$A$${IRR_VALUATION})`;
		sheet.set(`N${r}`, total ? `=${xirr}` : `=IF(OR($A${r}="",F${r}=0),"",${xirr})`);
	}
	sheet.defineName('PortfolioMOIC', `J${INV_TOTAL}`).defineName('PortfolioTVPI', `K${INV_TOTAL}`);
	sheet.defineName('PortfolioDPI', `L${INV_TOTAL}`).defineName('PortfolioIRR', `N${INV_TOTAL}`);
	sheet.defineName('PortfolioValue', `I${INV_TOTAL}`);
	sheet.format(`C${INV_FIRST}:I${INV_TOTAL}`, FORMATS.money0);
	sheet.format(`J${INV_FIRST}:M${INV_TOTAL}`, FORMATS.multiple);
	sheet.format(`N${INV_FIRST}:N${INV_TOTAL}`, FORMATS.percent);
	sheet.text(
		`A${INV_TOTAL + 2}`,
		'MOIC = total value ÷ contributed; TVPI = total value ÷ paid-in (contributed + fees); ' +
			'DPI = distributions ÷ paid-in; RVPI = valuation ÷ paid-in. IRR counts the valuation as ' +
			'received on the valuation date.'
	);
	sheet.width({ A: 220, B: 90, C: 110, D: 110, E: 90, F: 110, G: 110, H: 110, I: 110, N: 100 });
	return sheet;
}

function buildCashFlows(): SheetBuilder {
	const sheet = new SheetBuilder('Cash flows', { rows: CF_LAST + 5, cols: 8 });
	sheet.headers('A1', ['Date', 'Investment', 'Type', 'Amount', 'To investor']);
	CASH_FLOWS.forEach(([date, name, type, amount], i) => {
		const r = CF_FIRST + i;
		sheet.set(`A${r}`, date).text(`B${r}`, name).text(`C${r}`, type).set(`D${r}`, amount);
	});
	sheet.set(
		`E${CF_FIRST}`,
		`=IF(D${CF_FIRST}="",0,IF(C${CF_FIRST}="Distribution",1,-1)*D${CF_FIRST})`
	);
	sheet.fillDown(`E${CF_FIRST}:E${CF_LAST}`);
	sheet.format(`A${CF_FIRST}:A${CF_LAST}`, FORMATS.date);
	sheet.format(`D${CF_FIRST}:E${CF_LAST}`, FORMATS.money0);
	sheet.text(
		'G1',
		'Type is Contribution, Fee or Distribution; amounts are positive. "To investor" is negative ' +
			'for money paid in.'
	);
	sheet.width({ A: 100, B: 220, C: 110, D: 110, E: 110 });
	return sheet;
}

function buildIrrFlows(): SheetBuilder {
	const sheet = new SheetBuilder('IRR flows', { rows: IRR_VALUATION + 3, cols: 14 });
	const portfolio = columnName(INV_CAPACITY + 1);
	sheet.text('A1', 'Date').bold(`A1:${portfolio}1`);
	for (let j = 1; j <= INV_CAPACITY; j++) {
		const c = columnName(j);
		sheet.set(
			`${c}1`,
			`=IF(Investments!$A$${INV_FIRST + j - 1}="","",Investments!$A$${INV_FIRST + j - 1})`
		);
		sheet.set(`${c}${IRR_FIRST}`, 0);
		sheet.set(`${c}${IRR_VALUATION}`, `=Investments!$H$${INV_FIRST + j - 1}`);
	}
	sheet.text(`${portfolio}1`, 'Portfolio');
	// XIRR measures from the first date, which must be the earliest: start at the earliest flow.
	sheet.set(`A${IRR_FIRST}`, `=MIN(${cashFlows('A')})`).set(`${portfolio}${IRR_FIRST}`, 0);
	const r = IRR_FIRST + 1;
	const source = CF_FIRST;
	sheet.set(`A${r}`, `=IF('Cash flows'!$A${source}="",ValuationDate,'Cash flows'!$A${source})`);
	sheet.set(`B${r}`, `=IF(AND(B$1<>"",'Cash flows'!$B${source}=B$1),'Cash flows'!$E${source},0)`);
	sheet.fillRight(`B${r}:${columnName(INV_CAPACITY)}${r}`);
	sheet.set(`${portfolio}${r}`, `=SUM(B${r}:${columnName(INV_CAPACITY)}${r})`);
	sheet.fillDown(`A${r}:${portfolio}${IRR_VALUATION - 1}`);
	sheet.set(`A${IRR_VALUATION}`, '=ValuationDate');
	sheet.set(
		`${portfolio}${IRR_VALUATION}`,
		`=SUM(B${IRR_VALUATION}:${columnName(INV_CAPACITY)}${IRR_VALUATION})`
	);
	sheet.format(`A${IRR_FIRST}:A${IRR_VALUATION}`, FORMATS.date);
	sheet.format(`B${IRR_FIRST}:${portfolio}${IRR_VALUATION}`, FORMATS.money0);
	sheet.text(
		`A${IRR_VALUATION + 2}`,
		'One column per investment: its cash flows to the investor, then its valuation on the ' +
			'valuation date (the last row). The first row starts the schedule at the earliest date.'
	);
	sheet.width({ A: 100 });
	return sheet;
}

function buildKpis(): SheetBuilder {
	const sheet = new SheetBuilder('KPIs', { rows: 60, cols: 12 });
	sheet.headers('A1', [
		'Company',
		'Quarter',
		'Quarter end',
		'Revenue',
		'EBITDA',
		'Cash',
		'Headcount',
		'EBITDA margin',
		'Revenue growth (QoQ)',
		'Runway (quarters)'
	]);
	KPIS.forEach(([company, quarter, end, revenue, ebitda, cash, headcount], i) => {
		const r = i + 2;
		sheet.text(`A${r}`, company).text(`B${r}`, quarter).set(`C${r}`, end);
		sheet.row(`D${r}`, [revenue, ebitda, cash, headcount]);
	});
	const last = 1 + KPIS.length;
	for (let r = 2; r <= last; r++) {
		sheet.set(`H${r}`, `=IF(D${r}=0,"",E${r}/D${r})`);
		if (r > 2) sheet.set(`I${r}`, `=IF(AND(A${r}=A${r - 1},D${r - 1}<>0),D${r}/D${r - 1}-1,"")`);
		sheet.set(`J${r}`, `=IF(E${r}>=0,"cash-flow positive",F${r}/-E${r})`);
	}
	sheet.format(`C2:C${last}`, FORMATS.date).format(`D2:F${last}`, FORMATS.money0);
	sheet.format(`H2:I${last}`, FORMATS.percent).format(`J2:J${last}`, '0.0');
	sheet.text(
		`A${last + 2}`,
		'Growth compares with the row above when it is the same company. Runway = cash ÷ quarterly ' +
			'EBITDA burn.'
	);
	sheet.width({ A: 180, B: 90, C: 100, D: 120, E: 120, F: 120, G: 90, H: 110, I: 150, J: 140 });
	return sheet;
}

/** Builds the portfolio template's description (no document is touched). */
export function buildPortfolioTemplate(): TemplateSpec {
	return { sheets: [buildInvestments(), buildCashFlows(), buildIrrFlows(), buildKpis()] };
}

/** Charts the portfolio template asks for. */
export const PORTFOLIO_CHARTS: TemplateChart[] = [
	{
		type: 'stackedBar',
		title: 'Value by investment',
		sheet: 'Investments',
		labelsRange: `A${INV_FIRST}:A${INV_FIRST + INVESTMENTS.length - 1}`,
		series: [
			{ name: 'Distributions', range: `G${INV_FIRST}:G${INV_FIRST + INVESTMENTS.length - 1}` },
			{ name: 'Valuation', range: `H${INV_FIRST}:H${INV_FIRST + INVESTMENTS.length - 1}` }
		]
	}
];
