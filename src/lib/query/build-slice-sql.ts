import { CUBES } from './build-cube-sql.ts';
import { cubeWhere, type Filters } from './filters.ts';
import { column, ident } from './sql.ts';

/** What a slice groups by: a column of both cubes. */
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
const p = (name: string) => column('p', name);
const r = (name: string) => column('r', name);

function cte(kind: 'plan' | 'report', key: SliceKey, filters: Filters): string {
	const measures =
		kind === 'plan'
			? [
					`sum(${c('items')})::integer as ${ident('items')}`,
					`sum(${c('zero')})::integer as ${ident('zero')}`,
					`sum(${c('baht')}) as ${ident('baht')}`
				]
			: [
					`sum(${c('items')})::integer as ${ident('items')}`,
					`sum(${c('done')})::integer as ${ident('done')}`,
					`sum(${c('not_done')})::integer as ${ident('not_done')}`,
					`sum(${c('disbursed')}) as ${ident('disbursed')}`
				];
	const where = cubeWhere(filters, 'c');
	return [
		`${ident(kind === 'plan' ? 'p' : 'r')} as (`,
		`\tselect ${c(key)} as ${ident('key')}, count(distinct ${c('lao_key')})::integer as ${ident('laos')},`,
		`\t\t${measures.join(', ')}, bool_or(${c('synthetic')}) as ${ident('synthetic')}`,
		`\tfrom ${ident(CUBES[kind])} as ${ident('c')}`,
		`\twhere ${c(key)} is not null${where === 'true' ? '' : ` and ${where}`}`,
		`\tgroup by ${ident('key')}`,
		`)`
	].join('\n');
}

/**
 * The overview's figures grouped by one key, over the cubes, within `filters`. A crossfilter
 * chart passes the view without its own axis. Groups with neither plans nor reports are absent.
 *
 * `buildSliceSql('dimension', { provinces: ['52'] })` → one row per มิติ of Lampang's facts.
 */
export function buildSliceSql(key: SliceKey, filters: Filters): string {
	if (!(SLICE_KEYS as readonly string[]).includes(key)) {
		throw new RangeError(`'${String(key)}' is not a slice key`);
	}
	const k = `coalesce(${p('key')}, ${r('key')})`;
	const zero = (e: string) => `coalesce(${e}, 0)`;
	return [
		`with ${cte('plan', key, filters)}, ${cte('report', key, filters)}`,
		`select ${k} as ${ident('key')},`,
		`\t${zero(p('laos'))} as ${ident('laos_covered')}, ${zero(r('laos'))} as ${ident('laos_reporting')},`,
		`\t${zero(p('items'))} as ${ident('items_planned')}, ${zero(p('zero'))} as ${ident('zero_budget_items')},`,
		`\tround(${zero(p('baht'))}, 2)::double as ${ident('planned_baht')},`,
		`\t${zero(r('items'))} as ${ident('reported_items')}, ${zero(r('done'))} as ${ident('done')},`,
		`\t${zero(r('not_done'))} as ${ident('not_done')},`,
		`\tround(${zero(r('disbursed'))}, 2)::double as ${ident('disbursed_baht')},`,
		`\t(coalesce(${p('synthetic')}, false) or coalesce(${r('synthetic')}, false)) as ${ident('includes_synthetic')}`,
		`from ${ident('p')} full join ${ident('r')} on ${r('key')} = ${p('key')}`,
		`order by ${ident('key')}`
	].join('\n');
}
