import { aggregateCtes, METRIC_NAMES, METRICS } from './aggregates.ts';
import type { Filters } from './filters.ts';
import { column, ident } from './sql.ts';

/** One row of the overview: a fiscal year (BE) and every metric, as DuckDB returns them. */
export interface OverviewRow {
	fiscal_year: number;
	laos_with_plans: number;
	items_planned: number;
	planned_baht: number;
	zero_budget_share: number | null;
	laos_reporting: number;
	reported_items: number;
	done: number;
	not_done: number;
	completion_rate: number | null;
	disbursed_baht: number;
}

/**
 * Per fiscal year: LAOs with plans, items and baht planned, the zero-budget share, then what the
 * reports say (items, done, not done, completion rate, disbursed). The same figures as the
 * server's /api/overview, but over the loaded extracts and within `filters`.
 */
export function buildOverviewSql(filters: Filters = {}): string {
	const key = `coalesce(${column('p', 'key')}, ${column('r', 'key')})`;
	const metrics = METRIC_NAMES.map((name) => `\t${METRICS[name]} as ${ident(name)}`);
	return [
		`with ${aggregateCtes(column('f', 'fiscal_year'), filters)}`,
		`select ${key}::integer as ${ident('fiscal_year')},`,
		metrics.join(',\n'),
		`from ${ident('p')} full join ${ident('r')} on ${column('r', 'key')} = ${column('p', 'key')}`,
		`where ${key} is not null`,
		`order by ${ident('fiscal_year')}`
	].join('\n');
}
