import type { Breakdown, ViewFigures } from '../overview.ts';

/** Test-only: call the formatter functions a builder puts in its option. */
export type Formatter = (p: unknown) => string;

export function tooltipFormatter(option: { tooltip?: unknown }): Formatter {
	return (option.tooltip as { formatter: Formatter }).formatter;
}

export function axisFormatter(axis: unknown): (v: number) => string {
	return (axis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter;
}

const row = (key: string, f: Partial<Breakdown>): Breakdown => ({
	key,
	laosCovered: 0,
	laosReporting: 0,
	itemsPlanned: 0,
	zeroBudgetItems: 0,
	plannedBaht: 0,
	reportedItems: 0,
	done: 0,
	notDone: 0,
	disbursedBaht: 0,
	includesSynthetic: false,
	...f
});

/** The seeds' release: Ang Thong's FY2566 report, Phichai's FY2568 annual plan. */
export const SEED_FIGURES: ViewFigures = {
	years: [
		{
			fiscalYear: 2566,
			laosCovered: 0,
			laosReporting: 1,
			itemsPlanned: 0,
			plannedBaht: 0,
			reportedItems: 52,
			done: 48,
			notDone: 4,
			completionRate: 48 / 52,
			zeroBudgetShare: null,
			disbursedBaht: 627_872,
			includesSynthetic: false
		},
		{
			fiscalYear: 2568,
			laosCovered: 1,
			laosReporting: 0,
			itemsPlanned: 35,
			plannedBaht: 185_000,
			reportedItems: 0,
			done: 0,
			notDone: 0,
			completionRate: null,
			zeroBudgetShare: 29 / 35,
			disbursedBaht: 0,
			includesSynthetic: false
		}
	],
	byDimension: [row('1', { itemsPlanned: 7, reportedItems: 11 })],
	byType: [row('town_municipality', { itemsPlanned: 35 })],
	byProvince: [
		row('15', { reportedItems: 52, done: 48, notDone: 4 }),
		row('52', { itemsPlanned: 35 })
	],
	points: null
};
