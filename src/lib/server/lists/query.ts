import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { queryRows } from '../../../../db/rows.ts';
import { TYPE_PREFIX } from '../../../../etl/demo/names.ts';
import type { Lang } from '../../i18n/index.ts';
import {
	LIST_COLUMNS,
	PAGE_SIZE,
	type ListCell,
	type ListName,
	type ListRow,
	type SortDir
} from '../../lists/columns.ts';
import type { ViewFilters } from '../../state/url-filters.ts';
import type { Scope } from '../extracts/scope.ts';
import { FAILED_DOCS } from './build-failed-docs-sql.ts';
import { NO_REPORT } from './build-no-report-sql.ts';
import { NOT_DONE } from './build-not-done-sql.ts';
import { ZERO_BUDGET } from './build-zero-budget-sql.ts';
import type { ListSpec } from './spec.ts';

export const LIST_SPECS: Record<ListName, ListSpec> = {
	not_done: NOT_DONE,
	zero_budget: ZERO_BUDGET,
	no_report: NO_REPORT,
	failed_docs: FAILED_DOCS
};

export interface ListQuery {
	list: ListName;
	filters: ViewFilters;
	sort: string;
	dir: SortDir;
	lang: Lang;
}

/** A column the list cannot sort by is a bug here: requests are validated before (request.ts). */
export function orderBy(query: Pick<ListQuery, 'list' | 'sort' | 'dir' | 'lang'>): SQL {
	const spec = LIST_SPECS[query.list];
	const chosen =
		query.sort === 'province' && query.lang === 'en'
			? [sql`b.province_en collate "C"`]
			: spec.sortBy[query.sort];
	if (!chosen) throw new RangeError(`${query.list} has no sort '${query.sort}'`);
	const dir = query.dir === 'desc' ? sql`desc` : sql`asc`;
	// Each part of a compound sort (Thai key, then the text itself) takes the direction.
	const parts = sql.join(
		chosen.map((part) => sql`${part} ${dir} nulls last`),
		sql`, `
	);
	return sql`${parts}, ${spec.tieBreak}`;
}

/** The list's base query with its sort-key columns (ListSpec.keys), as alias-ready SQL. */
export function keyedBase(list: ListName, scope: Scope, filters: ViewFilters): SQL {
	const spec = LIST_SPECS[list];
	return sql`select b.*, ${spec.keys} from (${spec.base(scope, filters)}) b`;
}

/** The count and whether any row is demo data, over the whole filtered list. */
export async function countList(db: Database, scope: Scope, query: ListQuery) {
	const base = LIST_SPECS[query.list].base(scope, query.filters);
	const [row] = await queryRows<{ total: number | string; any_synthetic: boolean | null }>(
		db,
		sql`select count(*)::int as total, bool_or(b.is_synthetic) as any_synthetic
			from (${base}) b`
	);
	return { total: Number(row?.total ?? 0), anySynthetic: row?.any_synthetic === true };
}

/**
 * One page (`page` 1-based) or, with `page` null, every row up to `limit`, in the same order.
 * Values come out typed as lists/columns.ts says: amounts as numbers, never rounded.
 */
export async function fetchList(
	db: Database,
	scope: Scope,
	query: ListQuery,
	page: number | null,
	limit = PAGE_SIZE
): Promise<ListRow[]> {
	const base = keyedBase(query.list, scope, query.filters);
	const window =
		page === null ? sql`limit ${limit}` : sql`limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}`;
	const rows = await queryRows<Record<string, unknown>>(
		db,
		sql`select b.* from (${base}) b order by ${orderBy(query)} ${window}`
	);
	return rows.map((row) => toListRow(query.list, row, query.lang));
}

const provinceName = (row: Record<string, unknown>, lang: Lang) =>
	(lang === 'en' ? row.province_en : row.province_th) ?? row.province_th ?? null;

/** A raw row → the list's columns: the LAO's full name, the province in the page's language. */
export function toListRow(list: ListName, row: Record<string, unknown>, lang: Lang): ListRow {
	const out: ListRow = {};
	for (const column of LIST_COLUMNS[list]) {
		let value: unknown;
		if (column.key === 'lao_name') value = laoName(row);
		else if (column.key === 'province') value = provinceName(row, lang);
		else value = row[column.key];
		out[column.key] = cell(column.kind, value);
	}
	return out;
}

function laoName(row: Record<string, unknown>): string | null {
	const name = row.lao_name_th;
	const type = row.lao_type;
	if (typeof name === 'string') {
		const prefix = typeof type === 'string' ? (TYPE_PREFIX as Record<string, string>)[type] : '';
		return `${prefix ?? ''}${name}`;
	}
	return typeof row.lao_name_written === 'string' ? row.lao_name_written : null;
}

function cell(kind: string, value: unknown): ListCell {
	if (value === null || value === undefined) return null;
	switch (kind) {
		case 'int':
		case 'baht':
			return Number(value);
		case 'bool':
			return value === true || value === 't' || value === 'true';
		default:
			return String(value);
	}
}
