import type { LaoType } from '../parse/common/types.ts';
import { AMOUNTS, DIMENSIONS, ITEM_NAMES, OFFICES, type Dimension } from './catalog.ts';
import type { Rng } from './prng.ts';

/**
 * The facts a demo LAO's documents are written from: one multi-year plan, then per fiscal year
 * the annual plan's rows and (for most years) the progress report's statuses and disbursements.
 * The renderers only format; every number is decided here.
 */
export type Status = 'pending' | 'in_progress' | 'done' | 'not_done';

export interface PlanItem {
	dimension: Dimension;
	mission: string;
	name: string;
	office: string;
	/** Baht per fiscal year, aligned with the years of the demo. */
	budgets: number[];
}

export interface AnnualRow {
	dimension: Dimension;
	name: string;
	budget: number;
	quarters: [boolean, boolean, boolean, boolean];
}

export interface ReportRow extends AnnualRow {
	status: Status;
	disbursed: number;
}

export interface LaoYear {
	year: number;
	rows: AnnualRow[];
	/** null: the LAO filed no report that year (about 10 % of LAO-years). */
	report: { round: 6 | 12; rows: ReportRow[] } | null;
}

const SCALE: Record<LaoType, number> = {
	provincial_admin_org: 4,
	city_municipality: 3,
	town_municipality: 2,
	subdistrict_municipality: 1,
	subdistrict_admin_org: 1,
	special_admin_area: 3,
	bangkok: 4
};

const QUARTER_PATTERNS: ReadonlyArray<[boolean, boolean, boolean, boolean]> = [
	[true, true, true, true],
	[true, true, true, true],
	[true, true, true, true],
	[true, false, false, false],
	[false, false, false, true],
	[false, false, true, true],
	[false, true, false, false],
	[true, true, false, false],
	[false, false, true, false]
];

const kindOf = (name: string) =>
	name.startsWith('มาตรการ') ? 'measure' : name.startsWith('กิจกรรม') ? 'activity' : 'project';

/**
 * 12–40 items, at least one per dimension. Measures never carry a budget; activities 80 % of the
 * time, projects 95 %, which puts about 30 % of items at 0.00.
 */
export function planItems(rng: Rng, type: LaoType, years: readonly number[]): PlanItem[] {
	const pool = DIMENSIONS.flatMap((d) => ITEM_NAMES[d.dimension].map((name) => ({ d, name })));
	const firsts = DIMENSIONS.map((d) => ({ d, name: rng.pick(ITEM_NAMES[d.dimension]) }));
	const chosen = new Set(firsts.map((f) => f.name));
	const count = rng.int(12, 40);
	// Measures are kept at half weight: they are all 0.00, and about 30 % of zeros is the target.
	const candidates = pool.filter(
		(p) => !chosen.has(p.name) && (kindOf(p.name) !== 'measure' || rng.chance(0.5))
	);
	const rest = rng.shuffle(candidates).slice(0, count - firsts.length);
	const picked = [...firsts, ...rest].sort(
		(a, b) =>
			a.d.dimension - b.d.dimension ||
			ITEM_NAMES[a.d.dimension].indexOf(a.name) - ITEM_NAMES[b.d.dimension].indexOf(b.name)
	);
	return picked.map(({ d, name }) => {
		const kind = kindOf(name);
		const funded =
			kind === 'measure' ? false : kind === 'activity' ? rng.chance(0.8) : rng.chance(0.95);
		const base = funded ? rng.pick(AMOUNTS) * SCALE[type] : 0;
		const steady = rng.chance(0.7);
		return {
			dimension: d.dimension,
			mission: rng.pick(d.missions),
			name,
			office: rng.pick(OFFICES),
			budgets: years.map(() => (funded && !steady ? rng.pick(AMOUNTS) * SCALE[type] : base))
		};
	});
}

/** The annual plan of year index y: about 90 % of the plan's items, with that year's budget. */
export function annualRows(rng: Rng, items: readonly PlanItem[], y: number): AnnualRow[] {
	const rows = items
		.filter(() => rng.chance(0.9))
		.map((item) => ({
			dimension: item.dimension,
			name: item.name,
			budget: item.budgets[y] ?? 0,
			quarters: [...rng.pick(QUARTER_PATTERNS)] as AnnualRow['quarters']
		}));
	return rows.length > 0
		? rows
		: [{ ...items[0]!, budget: items[0]!.budgets[y] ?? 0, quarters: [true, true, true, true] }];
}

const roundDown100 = (n: number) => Math.floor(n / 100) * 100;

/**
 * Statuses and disbursements. A 12-month report: mostly done, 5–20 % not done (the LAO's own
 * rate). A 6-month report (the last year of the demo, still under way): pending and in progress
 * too. Disbursed never exceeds the budget and is often well below it.
 */
export function reportRows(rng: Rng, rows: readonly AnnualRow[], round: 6 | 12): ReportRow[] {
	const notDoneRate = 0.05 + rng.next() * 0.15;
	return rows.map((row) => {
		let status: Status;
		if (round === 12) status = rng.chance(notDoneRate) ? 'not_done' : 'done';
		else {
			const r = rng.next();
			status =
				r < 0.15
					? 'pending'
					: r < 0.45
						? 'in_progress'
						: r < 0.45 + notDoneRate
							? 'not_done'
							: 'done';
		}
		let disbursed = 0;
		if (row.budget > 0) {
			if (status === 'done') {
				disbursed = rng.chance(0.15)
					? row.budget
					: rng.chance(0.2)
						? 0
						: roundDown100(row.budget * (0.3 + rng.next() * 0.7));
			} else if (status === 'in_progress') disbursed = roundDown100(row.budget * rng.next() * 0.5);
		}
		return { ...row, status, disbursed };
	});
}

/** Every year of one LAO: the last year's report is the 6-month one; ~10 % of years have none. */
export function laoYears(
	rng: Rng,
	items: readonly PlanItem[],
	years: readonly number[]
): LaoYear[] {
	return years.map((year, y) => {
		const rows = annualRows(rng, items, y);
		const round: 6 | 12 = y === years.length - 1 && years.length > 1 ? 6 : 12;
		const report = rng.chance(0.1) ? null : { round, rows: reportRows(rng, rows, round) };
		return { year, rows, report };
	});
}
