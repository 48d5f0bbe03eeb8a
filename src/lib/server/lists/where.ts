import { sql, type SQL } from 'drizzle-orm';
import type { ViewFilters } from '../../state/url-filters.ts';

/**
 * WHERE fragments the four list builders share. Values always travel as parameters; an empty
 * axis means "no narrowing" (`true`), as in the URL codec.
 */
export function inList(expr: SQL, values: readonly (string | number)[]): SQL {
	if (values.length === 0) return sql`true`;
	return sql`${expr} in (${sql.join(
		values.map((v) => sql`${v}`),
		sql`, `
	)})`;
}

/**
 * Facts count only accepted documents (extracts/keys.ts acceptedVerdict); the view may narrow to
 * clean or warned ones. `d` is source_documents.
 */
export function factVerdict(filters: ViewFilters): SQL {
	return filters.verdicts.length > 0
		? inList(sql`d.verdict`, filters.verdicts)
		: sql`d.verdict in ('accepted', 'accepted_with_warnings')`;
}

export const and = (parts: SQL[]): SQL => sql.join(parts, sql` and `);

/** `a.fiscal_years && array[…]`: a document covering any of the view's years. */
export function overlapsYears(expr: SQL, years: readonly number[]): SQL {
	if (years.length === 0) return sql`true`;
	return sql`${expr} && array[${sql.join(
		years.map((y) => sql`${y}::int`),
		sql`, `
	)}]`;
}
