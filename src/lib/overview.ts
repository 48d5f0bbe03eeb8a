/** Pure reductions of the overview pre-aggregates for the overview page (tested without a DOM). */
import type { OverviewYear } from './server/extracts/preaggregates.ts';
import type { ProvinceYear } from './server/extracts/province-summary.ts';

// The shapes the server's pre-aggregates produce (types only: nothing server-side is bundled).
export type YearFigures = OverviewYear;
export type ProvinceFigures = Pick<
	ProvinceYear,
	| 'provinceCode'
	| 'fiscalYear'
	| 'reportedItems'
	| 'done'
	| 'notDone'
	| 'itemsPlanned'
	| 'zeroBudgetItems'
>;

export interface Totals {
	itemsPlanned: number;
	plannedBaht: number;
	reportedItems: number;
	done: number;
	notDone: number;
	disbursedBaht: number;
	completionRate: number | null;
	/** LAO counts are per year; summed over years they would double-count, so they are maxima. */
	laosCovered: number;
	laosReporting: number;
	includesSynthetic: boolean;
}

/** The figures of one year, or of all years together when `fiscalYear` is null. */
export function totalsFor(years: readonly YearFigures[], fiscalYear: number | null): Totals {
	const chosen = fiscalYear === null ? years : years.filter((y) => y.fiscalYear === fiscalYear);
	const sum = (f: (y: YearFigures) => number) => chosen.reduce((n, y) => n + f(y), 0);
	const reportedItems = sum((y) => y.reportedItems);
	const done = sum((y) => y.done);
	return {
		itemsPlanned: sum((y) => y.itemsPlanned),
		plannedBaht: Math.round(sum((y) => y.plannedBaht) * 100) / 100,
		reportedItems,
		done,
		notDone: sum((y) => y.notDone),
		disbursedBaht: Math.round(sum((y) => y.disbursedBaht) * 100) / 100,
		completionRate: reportedItems ? done / reportedItems : null,
		laosCovered: Math.max(0, ...chosen.map((y) => y.laosCovered)),
		laosReporting: Math.max(0, ...chosen.map((y) => y.laosReporting)),
		includesSynthetic: chosen.some((y) => y.includesSynthetic)
	};
}

/** Completion rate (0–100) per province for the map; provinces with no report stay null. */
export function completionByProvince(
	rows: readonly ProvinceFigures[],
	fiscalYear: number | null
): { code: string; value: number | null }[] {
	const by = new Map<string, { done: number; reported: number }>();
	for (const r of rows) {
		if (fiscalYear !== null && r.fiscalYear !== fiscalYear) continue;
		const acc = by.get(r.provinceCode) ?? { done: 0, reported: 0 };
		acc.done += r.done;
		acc.reported += r.reportedItems;
		by.set(r.provinceCode, acc);
	}
	return [...by].map(([code, { done, reported }]) => ({
		code,
		value: reported ? Math.round((done / reported) * 1000) / 10 : null
	}));
}
