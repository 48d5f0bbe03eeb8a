import type { ViewFilters } from '../state/url-filters.ts';
import type { ListName, ListRow, SortDir } from './columns.ts';

/** One page of a list, as /api/lists/<name>?format=json and the /lists page carry it. */
export interface ListPage {
	list: ListName;
	filters: ViewFilters;
	sort: string;
	dir: SortDir;
	page: number;
	pageSize: number;
	pageCount: number;
	total: number;
	/** Any row of the whole filtered list (not only this page) is demo data. */
	anySynthetic: boolean;
	rows: ListRow[];
}
