import type { ViewFilters } from '../state/url-filters.ts';
import { laoTypeCode } from './codes.ts';
import type { Filters } from './filters.ts';

/**
 * The URL's view (text codes: LAO type names, verdicts) as the extracts' filters (dim_lao.type
 * integer codes; verdicts stay strings, as dim_document's dictionary holds them).
 * `toQueryFilters({ …, laoTypes: ['town_municipality'] })` → `{ …, laoTypes: [2] }`.
 */
export function toQueryFilters(view: ViewFilters): Filters {
	return {
		provinces: [...view.provinces],
		laoTypes: view.laoTypes.map(laoTypeCode),
		dimensions: [...view.dimensions],
		fiscalYears: [...view.fiscalYears],
		verdicts: [...view.verdicts]
	};
}
