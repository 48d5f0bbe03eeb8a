import { and, column, ident, inList } from './sql.ts';

/**
 * What the dashboard narrows by. An absent or empty list means "no filter" on that axis.
 * Codes are the extracts' own: province_code as in dim_province.code, LAO type and dimension as
 * the small integers of dim_lao.type (an index into LAO_TYPES) and facts_*.dimension (1–4).
 */
export interface Filters {
	provinces?: string[];
	laoTypes?: number[];
	dimensions?: number[];
	fiscalYears?: number[];
	/** Document verdicts as dim_document.verdict spells them ('accepted', …). */
	verdicts?: string[];
}

/** Whether a filter needs dim_lao joined to the facts. */
export const needsLao = (filters: Filters): boolean =>
	Boolean(filters.provinces?.length || filters.laoTypes?.length);

/** Whether a filter needs dim_document joined to the facts. */
export const needsDocument = (filters: Filters): boolean => Boolean(filters.verdicts?.length);

/**
 * The WHERE clause on a fact table aliased `fact` joined to dim_lao aliased `lao` (and
 * dim_document aliased `doc`), in a fixed order (province, LAO type, dimension, fiscal year,
 * verdict) so equal filters give equal SQL.
 */
export function filterWhere(filters: Filters, fact: string, lao: string, doc = 'doc'): string {
	const clauses: string[] = [];
	if (filters.provinces?.length) {
		clauses.push(inList(column(lao, 'province_code'), filters.provinces));
	}
	if (filters.laoTypes?.length) clauses.push(inList(column(lao, 'type'), filters.laoTypes));
	if (filters.dimensions?.length) {
		clauses.push(inList(column(fact, 'dimension'), filters.dimensions));
	}
	if (filters.fiscalYears?.length) {
		clauses.push(inList(column(fact, 'fiscal_year'), filters.fiscalYears));
	}
	if (filters.verdicts?.length) clauses.push(inList(column(doc, 'verdict'), filters.verdicts));
	return and(clauses);
}

/**
 * The same clause on a cube (build-cube-sql.ts) aliased `cube`, where the LAO's province and
 * type and the document's verdict are columns of the cube itself; same order, same values.
 */
export function cubeWhere(filters: Filters, cube: string): string {
	const clauses: string[] = [];
	const c = (name: string) => column(cube, name);
	if (filters.provinces?.length) clauses.push(inList(c('province_code'), filters.provinces));
	if (filters.laoTypes?.length) clauses.push(inList(c('lao_type'), filters.laoTypes));
	if (filters.dimensions?.length) clauses.push(inList(c('dimension'), filters.dimensions));
	if (filters.fiscalYears?.length) clauses.push(inList(c('fiscal_year'), filters.fiscalYears));
	if (filters.verdicts?.length) clauses.push(inList(c('verdict'), filters.verdicts));
	return and(clauses);
}

/**
 * `from facts_x f [join dim_lao l on …] [join dim_document doc on …] where …`: the rows of one
 * fact table within the filters. dim_lao is joined when a filter or the caller needs it (an inner
 * join: a fact without an LAO key cannot be placed in a province); dim_document when a verdict
 * filter needs it (every fact has its document).
 */
export function filteredFacts(table: string, filters: Filters, withLao = false): string {
	const lao =
		withLao || needsLao(filters)
			? ` join ${ident('dim_lao')} as "l" on ${column('l', 'lao_key')} = ${column('f', 'lao_key')}`
			: '';
	const doc = needsDocument(filters)
		? ` join ${ident('dim_document')} as "doc" on ${column('doc', 'doc_key')} = ${column('f', 'doc_key')}`
		: '';
	return `from ${ident(table)} as "f"${lao}${doc}\n\twhere ${filterWhere(filters, 'f', 'l')}`;
}
