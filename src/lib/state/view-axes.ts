import type { ViewFilters } from './url-filters.ts';

/** The axes of the view, in the order the filter bar shows them. */
export const AXES = ['fiscalYears', 'laoTypes', 'dimensions', 'verdicts', 'provinces'] as const;
export type Axis = keyof ViewFilters;

/**
 * The view without one axis: what a crossfilter chart of that axis is computed over (each chart
 * shows the data filtered by every axis but its own, its own selection highlighted).
 */
export function without(filters: ViewFilters, axis: Axis): ViewFilters {
	return { ...filters, [axis]: [] };
}

/** A stable text for a view: equal filters, equal key (to match results to the view asked). */
export function viewKey(filters: ViewFilters, extra = ''): string {
	return JSON.stringify([
		filters.provinces,
		filters.laoTypes,
		filters.dimensions,
		filters.fiscalYears,
		filters.verdicts,
		extra
	]);
}
