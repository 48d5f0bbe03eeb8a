import { sql } from 'drizzle-orm';
import { Bool, Float64, Int16, Int32, Int8 } from 'apache-arrow';
import type { Database } from '../../../../db/client.ts';
import { queryRows } from '../../../../db/rows.ts';
import { dictionary, type Column } from './arrow.ts';
import { laoKeysCte } from './keys.ts';
import { scopeWhere, type Scope } from './scope.ts';

interface CubeRow extends Record<string, unknown> {
	lao_key: number | null;
	fiscal_year: number;
	dimension: number | null;
	verdict: string;
	is_synthetic: boolean;
	plan_items: number;
	zero_budget_items: number;
	planned_baht: number;
	report_items: number;
	done: number;
	not_done: number;
	disbursed_baht: number;
}

/**
 * facts_cube: fact_cube (etl/load/fact-cube.ts, rebuilt when every run finishes) summed per
 * LAO × fiscal year × มิติ × verdict — every axis the crossfilter filters on, the LAO's province
 * and type coming from dim_lao. Item kind and the synthetic split are summed out (no view filters
 * on them): 156,147 rows for the national demo's 1,695,585 facts, where fact_cube has 390,176.
 * The crossfilter builds its cubes from this in the browser instead of from the raw facts
 * (query/build-cube-sql.ts), so it needs neither facts_plan nor facts_report to start.
 * Same rules as the facts: annual-plan tables only for plans, accepted documents only, a known
 * fiscal year. Money is summed exactly (numeric) here and travels as float64.
 */
export async function factsCube(db: Database, scope: Scope) {
	const rows = await queryRows<CubeRow>(
		db,
		sql`with ${laoKeysCte}
			select k.lao_key, c.fiscal_year, c.dimension, c.verdict,
				bool_or(c.is_synthetic) as is_synthetic,
				sum(c.plan_items)::int as plan_items, sum(c.zero_budget_items)::int as zero_budget_items,
				sum(c.planned_baht)::float8 as planned_baht, sum(c.report_items)::int as report_items,
				sum(c.done)::int as done, sum(c.not_done)::int as not_done,
				sum(c.disbursed_baht)::float8 as disbursed_baht
			from fact_cube c left join lao_keys k on k.dla_code = c.lao_dla_code
			where ${scopeWhere(scope, sql`c.province_code`)}
			group by 1, 2, 3, 4
			order by 1, 2, 3, 4`
	);
	const int = (name: keyof CubeRow & string): Column<CubeRow> => ({
		name,
		type: new Int32(),
		nullable: false,
		value: (r) => r[name]
	});
	const columns: Column<CubeRow>[] = [
		{ name: 'lao_key', type: new Int32(), nullable: true, value: (r) => r.lao_key },
		{ name: 'fiscal_year', type: new Int16(), nullable: false, value: (r) => r.fiscal_year },
		{ name: 'dimension', type: new Int8(), nullable: true, value: (r) => r.dimension },
		{ name: 'verdict', type: dictionary(), nullable: false, value: (r) => r.verdict },
		{ name: 'is_synthetic', type: new Bool(), nullable: false, value: (r) => r.is_synthetic },
		int('plan_items'),
		int('zero_budget_items'),
		{ name: 'planned_baht', type: new Float64(), nullable: false, value: (r) => r.planned_baht },
		int('report_items'),
		int('done'),
		int('not_done'),
		{
			name: 'disbursed_baht',
			type: new Float64(),
			nullable: false,
			value: (r) => r.disbursed_baht
		}
	];
	return { rows, columns };
}
