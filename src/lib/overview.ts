/** Pure reductions of the overview's figures for the overview page (tested without a DOM). */
import type { BreakdownRow, OverviewYear } from './server/extracts/preaggregates.ts';

// The shapes the server's pre-aggregates produce (types only: nothing server-side is bundled).
// DuckDB's slices are mapped into the same shapes (query/crossfilter-engine.ts), so the page
// renders one kind of figures whichever side computed them.
export type YearFigures = OverviewYear;
export type Breakdown = BreakdownRow;

/** An LAO of the register drawn on the map, with its figures in the view (null: none). */
export interface LaoPoint {
	dlaCode: string;
	name: string;
	provinceCode: string;
	lat: number;
	lon: number;
	figures: Pick<
		Breakdown,
		| 'itemsPlanned'
		| 'zeroBudgetItems'
		| 'plannedBaht'
		| 'reportedItems'
		| 'done'
		| 'notDone'
		| 'disbursedBaht'
	> | null;
}

/**
 * Everything the overview paints for one view. Crossfilter: each breakdown is computed over the
 * view without its own axis (years without `fy`, มิติ without `dim`…), so a chart keeps showing
 * the values one can add to its selection.
 */
export interface ViewFigures {
	years: YearFigures[];
	byDimension: Breakdown[];
	byType: Breakdown[];
	byProvince: Breakdown[];
	/** The LAO layer; null when not asked for or not available (server side). */
	points: LaoPoint[] | null;
}

export interface Totals {
	itemsPlanned: number;
	plannedBaht: number;
	reportedItems: number;
	done: number;
	notDone: number;
	disbursedBaht: number;
	completionRate: number | null;
	zeroBudgetShare: number | null;
	/** LAO counts are per year; summed over years they would double-count, so they are maxima. */
	laosCovered: number;
	laosReporting: number;
	includesSynthetic: boolean;
}

/**
 * A breakdown row by fiscal year in the per-year shape, rates as the server computes them
 * (DuckDB's slices and a release's figures both come as breakdown rows).
 */
export function toYear(b: Breakdown): YearFigures {
	return {
		fiscalYear: Number(b.key),
		laosCovered: b.laosCovered,
		laosReporting: b.laosReporting,
		itemsPlanned: b.itemsPlanned,
		plannedBaht: b.plannedBaht,
		reportedItems: b.reportedItems,
		done: b.done,
		notDone: b.notDone,
		completionRate: b.reportedItems ? b.done / b.reportedItems : null,
		zeroBudgetShare: b.itemsPlanned ? b.zeroBudgetItems / b.itemsPlanned : null,
		disbursedBaht: b.disbursedBaht,
		includesSynthetic: b.includesSynthetic
	};
}

/** The figures of the chosen years, or of all years together when none is chosen. */
export function totalsFor(years: readonly YearFigures[], fiscalYears: readonly number[]): Totals {
	const chosen =
		fiscalYears.length === 0 ? years : years.filter((y) => fiscalYears.includes(y.fiscalYear));
	const sum = (f: (y: YearFigures) => number) => chosen.reduce((n, y) => n + f(y), 0);
	const reportedItems = sum((y) => y.reportedItems);
	const itemsPlanned = sum((y) => y.itemsPlanned);
	const zero = sum((y) => Math.round((y.zeroBudgetShare ?? 0) * y.itemsPlanned));
	const done = sum((y) => y.done);
	return {
		itemsPlanned,
		plannedBaht: Math.round(sum((y) => y.plannedBaht) * 100) / 100,
		reportedItems,
		done,
		notDone: sum((y) => y.notDone),
		disbursedBaht: Math.round(sum((y) => y.disbursedBaht) * 100) / 100,
		completionRate: reportedItems ? done / reportedItems : null,
		zeroBudgetShare: itemsPlanned ? zero / itemsPlanned : null,
		laosCovered: Math.max(0, ...chosen.map((y) => y.laosCovered)),
		laosReporting: Math.max(0, ...chosen.map((y) => y.laosReporting)),
		includesSynthetic: chosen.some((y) => y.includesSynthetic)
	};
}

/** Whether any figure the view paints came from synthetic demo rows. */
export function includesSynthetic(figures: ViewFigures): boolean {
	return [figures.years, figures.byDimension, figures.byType, figures.byProvince].some((rows) =>
		rows.some((r) => r.includesSynthetic)
	);
}

/** What the map (and the LAO points) can be coloured by. */
export const MAP_METRICS = [
	'completion_rate',
	'not_done',
	'zero_budget_share',
	'disbursed_ratio'
] as const;
export type MapMetric = (typeof MAP_METRICS)[number];
export const DEFAULT_MAP_METRIC: MapMetric = 'completion_rate';

export const isMapMetric = (v: string): v is MapMetric =>
	(MAP_METRICS as readonly string[]).includes(v);

/** How a metric reads on the map's legend: percentages 0–100, or a count. */
export const METRIC_FORMAT: Record<MapMetric, 'percent' | 'int'> = {
	completion_rate: 'percent',
	not_done: 'int',
	zero_budget_share: 'percent',
	disbursed_ratio: 'percent'
};

const pct = (part: number, whole: number) =>
	whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;

/**
 * A group's value of a map metric: completion % (done ÷ reported), items not done, zero-budget
 * share % of planned items, disbursed ÷ planned baht %; null when there is nothing to divide
 * (or, for `not_done`, nothing reported).
 */
export function metricValue(f: NonNullable<LaoPoint['figures']>, metric: MapMetric): number | null {
	switch (metric) {
		case 'completion_rate':
			return pct(f.done, f.reportedItems);
		case 'not_done':
			return f.reportedItems > 0 ? f.notDone : null;
		case 'zero_budget_share':
			return pct(f.zeroBudgetItems, f.itemsPlanned);
		case 'disbursed_ratio':
			return pct(f.disbursedBaht, f.plannedBaht);
	}
}

/** The map's rows: one value per province with figures (others are drawn as "no data"). */
export function provinceValues(
	rows: readonly Breakdown[],
	metric: MapMetric
): { code: string; value: number | null }[] {
	return rows.map((r) => ({ code: r.key, value: metricValue(r, metric) }));
}
