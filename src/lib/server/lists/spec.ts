import type { SQL } from 'drizzle-orm';
import type { ViewFilters } from '../../state/url-filters.ts';
import type { ListName } from '../../lists/columns.ts';
import type { Scope } from '../extracts/scope.ts';

/**
 * One list: a pure builder of its base query (every row the view and the scope allow, not yet
 * ordered) and the ORDER BY expression of each sortable column over that query's alias `b`.
 * The base query must return the list's columns (lists/columns.ts), with Thai LAO names as
 * `lao_name_th` + `lao_type` (the type prefix is added in queryList), `lao_sort` and a unique
 * `row_id` for the last tie-break.
 */
export interface ListSpec {
	name: ListName;
	base(scope: Scope, filters: ViewFilters): SQL;
	/**
	 * Computed columns over the base query (alias `b`) that the sorts name: the Thai keys
	 * (common.ts `sortKeys`), computed once per row by `keyedBase` rather than once per sort.
	 */
	keys: SQL;
	sortBy: Record<string, SQL[]>;
	/** Order after the chosen column, so that pages never overlap. */
	tieBreak: SQL;
}
