import { CAST, cubeFor, MEASURES, onePerLao } from './build-cube-sql.ts';
import { cubeWhere, type Filters } from './filters.ts';
import { column, ident } from './sql.ts';

/** What a slice groups by: a column of the cubes. */
export const SLICE_KEYS = [
	'fiscal_year',
	'dimension',
	'lao_type',
	'province_code',
	'lao_key'
] as const;
export type SliceKey = (typeof SLICE_KEYS)[number];

/**
 * One row of a slice, the same figures the server's breakdown gives (BreakdownRow), in
 * snake_case as DuckDB returns them. Money rounded to 2 dp; LAO counts are per group.
 */
export interface SliceRow {
	key: number | string;
	laos_covered: number;
	laos_reporting: number;
	items_planned: number;
	zero_budget_items: number;
	planned_baht: number;
	reported_items: number;
	done: number;
	not_done: number;
	disbursed_baht: number;
	includes_synthetic: boolean;
}

const c = (name: string) => column('c', name);
/** `sum("c"."plan_items")::integer as "items_planned"`: a count, summed. */
const total = (expr: string, as: string) => `sum(${expr})::integer as ${ident(as)}`;
/** Baht, rounded to 2 dp as the server's numeric sums are. */
const baht = (expr: string, as: string) => `round(sum(${expr}), 2)::double as ${ident(as)}`;

/**
 * The overview's figures grouped by one key, over the coarsest cube that has the key and the
 * filters (build-cube-sql.ts), within `filters`. A crossfilter chart passes the view without its
 * own axis. Groups with neither plans nor reports are absent.
 *
 * LAOs are counted as on the server (extracts/fact-rows.ts): summed per (key, LAO) first, then
 * LAOs with plans and LAOs with reports counted, in one scan for both sides and without
 * `count(distinct)`. Where each row of the cube is already one LAO in one group (`onePerLao`:
 * the unfiltered view, one มิติ or one year chosen) the rows are counted directly.
 *
 * `buildSliceSql('dimension', { provinces: ['52'] })` → one row per มิติ of Lampang's facts.
 */
export function buildSliceSql(key: SliceKey, filters: Filters): string {
	if (!(SLICE_KEYS as readonly string[]).includes(key)) {
		throw new RangeError(`'${String(key)}' is not a slice key`);
	}
	const cube = cubeFor(key, filters);
	const where = cubeWhere(filters, 'c');
	const rows = [
		`from ${ident(cube.table)} as ${ident('c')}`,
		`where ${c(key)} is not null${where === 'true' ? '' : ` and ${where}`}`
	];
	const figures = (col: (name: string) => string) => [
		`select ${col('key')},`,
		`	count(${col('lao_key')}) filter (where ${col('plan_items')} > 0)::integer as ${ident('laos_covered')},`,
		`	count(${col('lao_key')}) filter (where ${col('report_items')} > 0)::integer as ${ident('laos_reporting')},`,
		`	${total(col('plan_items'), 'items_planned')}, ${total(col('zero'), 'zero_budget_items')},`,
		`	${baht(col('baht'), 'planned_baht')},`,
		`	${total(col('report_items'), 'reported_items')}, ${total(col('done'), 'done')}, ${total(col('not_done'), 'not_done')},`,
		`	${baht(col('disbursed'), 'disbursed_baht')},`,
		`	bool_or(${col('synthetic')}) as ${ident('includes_synthetic')}`
	];
	if (onePerLao(cube, key, filters)) {
		const col = (name: string) => (name === 'key' ? `${c(key)} as ${ident('key')}` : c(name));
		return [...figures(col), ...rows, `group by ${ident('key')}`, `order by ${ident('key')}`].join(
			'\n'
		);
	}
	return [
		`with ${ident('per_lao')} as (`,
		`	select ${c(key)} as ${ident('key')}, ${c('lao_key')},`,
		`		${MEASURES.map((m) => `sum(${c(m)})${CAST[m]} as ${ident(m)}`).join(', ')},`,
		`		bool_or(${c('synthetic')}) as ${ident('synthetic')}`,
		...rows.map((line) => `\t${line}`),
		`	group by ${ident('key')}, ${c('lao_key')}`,
		`)`,
		...figures(ident),
		`from ${ident('per_lao')}`,
		`group by ${ident('key')}`,
		`order by ${ident('key')}`
	].join('\n');
}
