import type { Filters } from './filters.ts';
import { cubeWhere } from './filters.ts';
import { column, ident } from './sql.ts';
import type { SliceKey } from './build-slice-sql.ts';

/**
 * A release's figures in DuckDB-WASM, after the public page's handover: the tables are the
 * release's extracts (/api/public/releases/[version]/release_figures and release_laos), whose
 * columns are named as the cubes' are, so the crossfilter's WHERE (cubeWhere) applies as is.
 * Same figures as the server's first paint (src/lib/server/releases/figures.ts): sums of
 * release_figures by the key, LAO counts from release_laos (which has no มิติ: by มิติ they are
 * 0, and a มิติ filter does not narrow them). Rows are SliceRows, the crossfilter's shape.
 */
export const RELEASE_SLICE_KEYS = [
	'fiscal_year',
	'dimension',
	'lao_type',
	'province_code'
] as const;
export type ReleaseSliceKey = (typeof RELEASE_SLICE_KEYS)[number] & SliceKey;

const f = (name: string) => column('f', name);
const l = (name: string) => column('l', name);
const g = (name: string) => column('g', name);
const n = (name: string) => column('n', name);

function where(key: string, filters: Filters, alias: string): string {
	const clauses = cubeWhere(filters, alias);
	const present = `${column(alias, key)} is not null`;
	return clauses === 'true' ? present : `${present} and ${clauses}`;
}

/** `buildReleaseSliceSql('lao_type', { fiscalYears: [2568] })` → one row per LAO type code. */
export function buildReleaseSliceSql(key: ReleaseSliceKey, filters: Filters): string {
	if (!(RELEASE_SLICE_KEYS as readonly string[]).includes(key)) {
		throw new RangeError(`'${String(key)}' is not a release slice key`);
	}
	const int = (e: string, as: string) => `sum(${e})::integer as ${ident(as)}`;
	const baht = (e: string, as: string) => `round(sum(${e}), 2)::double as ${ident(as)}`;
	const figures = [
		`${ident('g')} as (`,
		`\tselect ${f(key)} as ${ident('key')}, ${int(f('plan_items'), 'items_planned')},`,
		`\t\t${baht(f('planned_baht'), 'planned_baht')}, ${int(f('zero_budget_items'), 'zero_budget_items')},`,
		`\t\t${int(f('report_items'), 'reported_items')}, ${int(f('done'), 'done')}, ${int(f('not_done'), 'not_done')},`,
		`\t\t${baht(f('disbursed_baht'), 'disbursed_baht')}, bool_or(${f('is_synthetic')}) as ${ident('includes_synthetic')}`,
		`\tfrom ${ident('release_figures')} as ${ident('f')}`,
		`\twhere ${where(key, filters, 'f')}`,
		`\tgroup by ${ident('key')}`,
		`)`
	];
	const count = (flag: string, as: string) =>
		`count(distinct ${l('lao_dla_code')}) filter (where ${l(flag)})::integer as ${ident(as)}`;
	const laos =
		key === 'dimension'
			? [
					`${ident('n')} as (select null::integer as ${ident('key')}, 0 as ${ident('laos_covered')},`,
					`\t0 as ${ident('laos_reporting')} where false)`
				]
			: [
					`${ident('n')} as (`,
					`\tselect ${l(key)} as ${ident('key')}, ${count('has_annual_plan', 'laos_covered')},`,
					`\t\t${count('has_report', 'laos_reporting')}`,
					`\tfrom ${ident('release_laos')} as ${ident('l')}`,
					`\twhere ${where(key, { ...filters, dimensions: [] }, 'l')}`,
					`\tgroup by ${ident('key')}`,
					`)`
				];
	const zero = (e: string) => `coalesce(${e}, 0)`;
	return [
		`with ${figures.join('\n')}, ${laos.join('\n')}`,
		`select ${g('key')}, ${zero(n('laos_covered'))}::integer as ${ident('laos_covered')},`,
		`\t${zero(n('laos_reporting'))}::integer as ${ident('laos_reporting')},`,
		`\t${['items_planned', 'zero_budget_items', 'planned_baht', 'reported_items', 'done', 'not_done', 'disbursed_baht', 'includes_synthetic'].map(g).join(', ')}`,
		`from ${ident('g')} left join ${ident('n')} on ${n('key')} = ${g('key')}`,
		`order by ${g('key')}`
	].join('\n');
}
