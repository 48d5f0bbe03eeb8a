import { createHash } from 'node:crypto';
import type { Item, ParseReport } from '../../etl/parse/common/types.ts';

/**
 * Parse reports written by hand, shaped like the three seed documents (fixtures/seeds), so that
 * the database suite does not depend on the parsers. Line numbers are plausible, not real.
 */

const sha = (label: string) => createHash('sha256').update(label).digest('hex');

/** The LAOs the reports resolve to, as the DLA register has them. */
export const LAOS = [
	{
		dlaCode: '4520106',
		type: 'town_municipality',
		nameTh: 'พิชัย',
		provinceCode: '52',
		districtTh: 'เมืองลำปาง',
		lat: 18.33406,
		lon: 99.53865,
		areaKm2: 16.5
	},
	{
		dlaCode: '2750101',
		type: 'provincial_admin_org',
		nameTh: 'สมุทรสงคราม',
		provinceCode: '75',
		districtTh: 'เมืองสมุทรสงคราม',
		lat: null,
		lon: null,
		areaKm2: null
	},
	{
		dlaCode: '2150101',
		type: 'provincial_admin_org',
		nameTh: 'อ่างทอง',
		provinceCode: '15',
		districtTh: 'เมืองอ่างทอง',
		lat: 14.60554276,
		lon: 100.4092723,
		areaKm2: 968.37
	}
] as const;

const item = (fields: Partial<Item> & Pick<Item, 'ordinal' | 'name' | 'line'>): Item => ({
	dimension: null,
	itemKind: null,
	budget: {},
	quarters: null,
	status: null,
	disbursed: null,
	...fields
});

/** Annual plan 2568 of เทศบาลเมืองพิชัย: three items budgeted 50,000.00, 0 ("-") and 5,000.00. */
export function annualPlan(): ParseReport {
	return {
		sha256: sha('town-mun-phichai-lampang_annual-plan-2568'),
		parser: 'sujarit-parse/1',
		kind: 'annual_plan',
		verdict: 'accepted',
		lao: {
			nameAsWritten: 'เทศบาลเมืองพิชัย',
			type: 'town_municipality',
			name: 'พิชัย',
			province: 'ลำปาง',
			district: 'เมืองลำปาง',
			dlaCode: '4520106',
			resolution: 'resolved',
			line: 21
		},
		fiscalYears: [2568],
		asOf: '2024-10-15',
		title: 'แผนการดำเนินงานปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘',
		lineCount: 120,
		tables: [
			{
				role: 'annual',
				fiscalYear: 2568,
				lines: [70, 101],
				items: [
					item({
						ordinal: 1,
						dimension: 1,
						name: 'โครงการส่งเสริมคุณธรรมและจริยธรรมแก่ผู้บริหาร สมาชิกสภา และพนักงาน',
						itemKind: 'project',
						budget: { '2568': 50_000 },
						quarters: [false, true, false, false],
						line: 75
					}),
					item({
						ordinal: 2,
						dimension: 2,
						name: 'กิจกรรมเผยแพร่ข้อมูลข่าวสารการจัดซื้อจัดจ้าง',
						itemKind: 'activity',
						budget: { '2568': 0 },
						quarters: [true, true, true, true],
						line: 83,
						lines: [84]
					}),
					item({
						ordinal: 3,
						dimension: 4,
						name: 'มาตรการจัดการเรื่องร้องเรียนการทุจริต',
						itemKind: 'measure',
						budget: { '2568': 5_000 },
						quarters: [false, false, true, false],
						line: 95,
						remark: 'งบกองกลาง'
					})
				],
				unassigned: [],
				declared: { total: { '2568': 55_000 }, items: 3 }
			}
		],
		checks: [
			{
				name: 'total_budget',
				fiscalYear: 2568,
				declared: 55_000,
				computed: 55_000,
				ok: true,
				line: 100,
				severity: 'error'
			},
			{
				name: 'item_count',
				fiscalYear: 2568,
				declared: 3,
				computed: 3,
				ok: true,
				line: null,
				severity: 'warning'
			}
		],
		problems: []
	};
}

/**
 * Multi-year plan 2566–2570 of อบจ.สมุทรสงคราม (two years shown): one cell shared by items 2 and
 * 3 (their budgets are null, the amount is unassigned) and a row with an amount but no project.
 */
export function multiYearPlan(): ParseReport {
	return {
		sha256: sha('pao-samut-songkhram_plan-2566-2570'),
		parser: 'sujarit-parse/1',
		kind: 'multi_year_plan',
		verdict: 'accepted_with_warnings',
		lao: {
			nameAsWritten: 'องค์การบริหารส่วนจังหวัดสมุทรสงคราม',
			type: 'provincial_admin_org',
			name: 'สมุทรสงคราม',
			province: 'จังหวัดสมุทรสงคราม',
			district: null,
			dlaCode: '2750101',
			resolution: 'resolved',
			line: 3
		},
		fiscalYears: [2566, 2567],
		asOf: null,
		title: 'แผนปฏิบัติการป้องกันการทุจริต ๕ ปี (พ.ศ. ๒๕๖๖ – ๒๕๗๐)',
		lineCount: 400,
		tables: [
			{
				role: 'multi_year',
				fiscalYear: null,
				lines: [105, 180],
				items: [
					item({
						ordinal: 1,
						dimension: 1,
						name: 'โครงการอบรมคุณธรรมจริยธรรม',
						itemKind: 'project',
						budget: { '2566': 120_000.5, '2567': 130_000 },
						line: 110
					}),
					item({
						ordinal: 2,
						dimension: 3,
						name: 'โครงการประชาคมท้องถิ่น',
						itemKind: 'project',
						budget: { '2566': null, '2567': 20_000 },
						line: 131
					}),
					item({
						ordinal: 3,
						dimension: 3,
						name: 'กิจกรรมรับฟังความคิดเห็นประชาชน',
						itemKind: 'activity',
						budget: { '2566': null, '2567': 0 },
						line: 133
					})
				],
				unassigned: [
					{ line: 132, fiscalYear: 2566, amount: 45_000, items: [2, 3], reason: 'shared_cell' },
					{ line: 150, fiscalYear: 2567, amount: 9_999.99, items: [], reason: 'row_without_item' }
				],
				declared: { total: { '2566': 165_000.5, '2567': 159_999.99 } }
			}
		],
		checks: [
			{
				name: 'total_budget',
				fiscalYear: 2566,
				declared: 165_000.5,
				computed: 165_000.5,
				ok: true,
				line: 178,
				severity: 'error',
				detail: 'items + unassigned'
			}
		],
		problems: [
			{
				line: 132,
				severity: 'warning',
				code: 'shared_budget_cell',
				message: 'One budget cell holds the amount of items 2 and 3.',
				messageTh: 'ช่องงบประมาณเดียวมีจำนวนเงินของโครงการที่ 2 และ 3',
				expected: 'one amount per item',
				found: { items: [2, 3], amount: 45_000 }
			}
		]
	};
}

/** Progress report 2566 of อบจ.อ่างทอง (E-PlanNACC export): budget, disbursed, status. */
export function progressReport(): ParseReport {
	return {
		sha256: sha('pao-ang-thong_report-2566'),
		parser: 'sujarit-parse/1',
		kind: 'progress_report',
		verdict: 'accepted',
		lao: {
			nameAsWritten: 'องค์การบริหารส่วนจังหวัดอ่างทอง',
			type: 'provincial_admin_org',
			name: 'อ่างทอง',
			province: 'อ่างทอง',
			district: null,
			dlaCode: '2150101',
			resolution: 'resolved',
			line: 2
		},
		fiscalYears: [2566],
		asOf: '2023-04-30',
		title: 'รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๖',
		lineCount: 60,
		tables: [
			{
				role: 'report',
				fiscalYear: 2566,
				lines: [8, 40],
				items: [
					item({
						ordinal: 1,
						dimension: 1,
						name: 'โครงการปลูกจิตสำนึกการต่อต้านการทุจริต',
						itemKind: 'project',
						budget: { '2566': 30_000 },
						disbursed: 28_500.75,
						status: 'done',
						line: 12
					}),
					item({
						ordinal: 2,
						dimension: 2,
						name: 'มาตรการเผยแพร่แผนการจัดซื้อจัดจ้าง',
						itemKind: 'measure',
						budget: { '2566': 0 },
						disbursed: null,
						status: 'in_progress',
						line: 19
					})
				],
				unassigned: [],
				declared: { total: { '2566': 30_000 }, status: { done: 1, in_progress: 1 } }
			}
		],
		checks: [],
		problems: []
	};
}

/**
 * An annual plan the validator quarantined: two error problems and a failed total, though the
 * parser read a table; none of its items may reach the fact tables.
 */
export function quarantinedPlan(): ParseReport {
	const base = annualPlan();
	return {
		...base,
		sha256: sha('quarantined-annual-plan'),
		verdict: 'quarantined',
		problems: [
			{
				line: 88,
				severity: 'error',
				code: 'amount_unreadable',
				message: 'Budget cell "๕o,ooo" is not an amount.',
				messageTh: 'ช่องงบประมาณ "๕o,ooo" อ่านเป็นจำนวนเงินไม่ได้',
				expected: 'an amount in baht',
				found: '๕o,ooo'
			},
			{
				line: 91,
				severity: 'error',
				code: 'dimension_out_of_range',
				message: 'มิติที่ ๕ is not one of the four dimensions.',
				expected: [1, 2, 3, 4],
				found: 5
			},
			{
				line: 12,
				severity: 'warning',
				code: 'as_of_missing',
				message: 'No "ข้อมูล ณ วันที่" line.'
			}
		],
		checks: [
			{
				name: 'total_budget',
				fiscalYear: 2568,
				declared: 185_000,
				computed: 180_000,
				ok: false,
				line: 100,
				severity: 'error'
			},
			{
				name: 'item_count',
				fiscalYear: 2568,
				declared: 3,
				computed: 3,
				ok: true,
				line: null,
				severity: 'warning'
			}
		]
	};
}

/** A report whose last item breaks plan_items_dimension_check: the insert fails midway. */
export function brokenPlan(): ParseReport {
	const base = annualPlan();
	const table = base.tables[0]!;
	const bad = { ...table.items[2]!, ordinal: 4, dimension: 7 as unknown as Item['dimension'] };
	return {
		...base,
		sha256: sha('broken-annual-plan'),
		tables: [{ ...table, items: [...table.items, bad] }]
	};
}

/** A multi-year table with `count` items and two budget years each, to cross batch boundaries. */
export function largePlan(count: number): ParseReport {
	const base = multiYearPlan();
	const items = Array.from({ length: count }, (_, i) =>
		item({
			ordinal: i + 1,
			dimension: ((i % 4) + 1) as 1 | 2 | 3 | 4,
			name: `โครงการที่ ${i + 1}`,
			itemKind: 'project',
			budget: { '2566': (i + 1) * 100, '2567': (i + 1) * 100 + 0.25 },
			line: 200 + i
		})
	);
	return {
		...base,
		sha256: sha(`large-plan-${count}`),
		tables: [{ ...base.tables[0]!, lines: [200, 200 + count], items, unassigned: [] }],
		checks: [],
		problems: []
	};
}
