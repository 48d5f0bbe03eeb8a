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
}

/** Whether a filter needs dim_lao joined to the facts. */
export const needsLao = (filters: Filters): boolean =>
	Boolean(filters.provinces?.length || filters.laoTypes?.length);

/**
 * The WHERE clause on a fact table aliased `fact` joined to dim_lao aliased `lao`, in a fixed
 * order (province, LAO type, dimension, fiscal year) so equal filters give equal SQL.
 */
export function filterWhere(filters: Filters, fact: string, lao: string): string {
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
	return and(clauses);
}

/**
 * `from facts_x f [join dim_lao l on …] where …`: the rows of one fact table within the filters.
 * dim_lao is joined when a filter or the caller needs it (an inner join: a fact without an LAO
 * key cannot be placed in a province).
 */
export function filteredFacts(table: string, filters: Filters, withLao = false): string {
	const join =
		withLao || needsLao(filters)
			? ` join ${ident('dim_lao')} as "l" on ${column('l', 'lao_key')} = ${column('f', 'lao_key')}`
			: '';
	return `from ${ident(table)} as "f"${join}\n\twhere ${filterWhere(filters, 'f', 'l')}`;
}
