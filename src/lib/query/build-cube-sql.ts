import { column, ident } from './sql.ts';

/** The two cubes the crossfilter queries once they are built, by fact table. */
export const CUBES = { plan: 'cube_plan', report: 'cube_report' } as const;
export type CubeKind = keyof typeof CUBES;

/** Every axis the view filters on, plus the LAO (counts of distinct LAOs) and item kind. */
const GRAIN = [
	`${column('f', 'lao_key')}`,
	`${column('l', 'province_code')}`,
	`${column('l', 'type')} as ${ident('lao_type')}`,
	`${column('f', 'fiscal_year')}`,
	`${column('f', 'dimension')}`,
	`${column('doc', 'verdict')}`,
	`${column('f', 'item_kind')}`
];

const MEASURES: Record<CubeKind, string[]> = {
	plan: [
		`count(*)::integer as ${ident('items')}`,
		`count(*) filter (where ${column('f', 'zero_budget')})::integer as ${ident('zero')}`,
		`sum(${column('f', 'budget')}) as ${ident('baht')}`
	],
	report: [
		`count(*)::integer as ${ident('items')}`,
		`count(*) filter (where ${column('f', 'status')} = 2)::integer as ${ident('done')}`,
		`count(*) filter (where ${column('f', 'status')} = 3)::integer as ${ident('not_done')}`,
		`sum(${column('f', 'disbursed')}) as ${ident('disbursed')}`
	]
};

/**
 * A LAO-grain cube of one fact table: one row per LAO × fiscal year × มิติ × verdict × item
 * kind, with the LAO's province and type carried along, and the counts and sums every figure of
 * the overview is made of. Filter changes query the cube (hundreds of rows per LAO at most), not
 * the raw facts. dim_lao and dim_document are left-joined: a fact without a registered LAO stays
 * in (province and type null) as it does on the server, and drops out of a province or type
 * filter. Status codes: 2 done, 3 not_done (codes.ts ITEM_STATUSES).
 */
export function buildCubeSql(kind: CubeKind): string {
	const table = kind === 'plan' ? 'facts_plan' : 'facts_report';
	return [
		`create or replace table ${ident(CUBES[kind])} as`,
		`select ${GRAIN.join(', ')},`,
		`\tbool_or(${column('f', 'is_synthetic')}) as ${ident('synthetic')},`,
		`\t${MEASURES[kind].join(',\n\t')}`,
		`from ${ident(table)} as ${ident('f')}`,
		`\tleft join ${ident('dim_lao')} as ${ident('l')} on ${column('l', 'lao_key')} = ${column('f', 'lao_key')}`,
		`\tleft join ${ident('dim_document')} as ${ident('doc')} on ${column('doc', 'doc_key')} = ${column('f', 'doc_key')}`,
		'group by all'
	].join('\n');
}
