import { column, ident } from './sql.ts';

/** The two cubes the crossfilter queries once they are built, by fact table. */
export const CUBES = { plan: 'cube_plan', report: 'cube_report' } as const;
export type CubeKind = keyof typeof CUBES;

/** Every axis the view filters on, plus the LAO (counts of distinct LAOs). */
const GRAIN = [
	`${column('f', 'lao_key')}`,
	`${column('l', 'province_code')}`,
	`${column('l', 'type')} as ${ident('lao_type')}`,
	`${column('f', 'fiscal_year')}`,
	`${column('f', 'dimension')}`,
	`${column('f', 'verdict')}`
];

const MEASURES: Record<CubeKind, string[]> = {
	plan: [
		`sum(${column('f', 'plan_items')})::integer as ${ident('items')}`,
		`sum(${column('f', 'zero_budget_items')})::integer as ${ident('zero')}`,
		`sum(${column('f', 'planned_baht')}) as ${ident('baht')}`
	],
	report: [
		`sum(${column('f', 'report_items')})::integer as ${ident('items')}`,
		`sum(${column('f', 'done')})::integer as ${ident('done')}`,
		`sum(${column('f', 'not_done')})::integer as ${ident('not_done')}`,
		`sum(${column('f', 'disbursed_baht')}) as ${ident('disbursed')}`
	]
};

/**
 * A LAO-grain cube of one fact table: one row per LAO × fiscal year × มิติ × verdict, with the
 * LAO's province and type carried along, and the counts and sums every figure of the overview is
 * made of. It is made from the facts_cube extract (the server's fact_cube, already summed per
 * LAO × year × มิติ × verdict), not from the raw facts: the crossfilter starts without fetching
 * or scanning 1.7M fact rows. Only the rows with facts of this table are kept, so that counts of
 * distinct LAOs mean "LAOs with plans" and "LAOs reporting". dim_lao is left-joined: a fact
 * without a registered LAO stays in (province and type null) as it does on the server, and drops
 * out of a province or type filter.
 */
export function buildCubeSql(kind: CubeKind): string {
	const items = column('f', kind === 'plan' ? 'plan_items' : 'report_items');
	return [
		`create or replace table ${ident(CUBES[kind])} as`,
		`select ${GRAIN.join(', ')},`,
		`\tbool_or(${column('f', 'is_synthetic')}) as ${ident('synthetic')},`,
		`\t${MEASURES[kind].join(',\n\t')}`,
		`from ${ident('facts_cube')} as ${ident('f')}`,
		`\tleft join ${ident('dim_lao')} as ${ident('l')} on ${column('l', 'lao_key')} = ${column('f', 'lao_key')}`,
		`where ${items} > 0`,
		'group by all'
	].join('\n');
}
