/**
 * The four lists and their columns, shared by the server (SQL, CSV, Arrow) and the browser
 * (table, sort links): one definition, so that the table, the CSV and the Parquet file always
 * carry the same columns in the same order.
 */
export const LIST_NAMES = ['not_done', 'zero_budget', 'no_report', 'failed_docs'] as const;
export type ListName = (typeof LIST_NAMES)[number];

export const isListName = (v: unknown): v is ListName =>
	typeof v === 'string' && (LIST_NAMES as readonly string[]).includes(v);

/**
 * text: a string; int: an integer (years, lines, counts); baht: an amount (numeric → number,
 * never rounded); bool: true/false; code: a stable code shown translated (status, kind, verdict).
 */
export type ColumnKind = 'text' | 'int' | 'baht' | 'bool' | 'code';

export interface ListColumn {
	key: string;
	kind: ColumnKind;
	/** The server can order by it (`?sort=key`). */
	sortable: boolean;
	/** Shown in the table; export-only columns (codes, ids) are false. */
	show: boolean;
}

const col = (key: string, kind: ColumnKind, sortable = true, show = true): ListColumn => ({
	key,
	kind,
	sortable,
	show
});

/** LAO and province columns every list starts with. */
const lao = [
	col('lao_name', 'text'),
	col('dla_code', 'text', true, false),
	col('province', 'text'),
	col('province_code', 'text', false, false)
];

export const LIST_COLUMNS: Record<ListName, readonly ListColumn[]> = {
	not_done: [
		...lao,
		col('fiscal_year', 'int'),
		col('dimension', 'int'),
		col('item_kind', 'code'),
		col('name', 'text'),
		col('budget', 'baht'),
		col('disbursed', 'baht'),
		col('document_id', 'int', false, false),
		col('source_line', 'int'),
		col('is_synthetic', 'bool', false, false)
	],
	zero_budget: [
		...lao,
		col('fiscal_year', 'int'),
		col('dimension', 'int'),
		col('item_kind', 'code'),
		col('name', 'text'),
		col('document_id', 'int', false, false),
		col('source_line', 'int'),
		col('is_synthetic', 'bool', false, false)
	],
	no_report: [
		...lao,
		col('lao_type', 'code'),
		col('fiscal_year', 'int'),
		col('reason', 'code'),
		col('plan_document_id', 'int', false),
		col('documents', 'int'),
		col('quarantined_reports', 'int'),
		col('is_synthetic', 'bool', false, false)
	],
	failed_docs: [
		...lao,
		col('document_id', 'int'),
		col('kind', 'code'),
		col('fiscal_year_from', 'int'),
		col('fiscal_year_to', 'int', false),
		col('verdict', 'code'),
		col('failed_checks', 'int'),
		col('first_failure', 'text'),
		col('first_failure_line', 'int', false),
		col('expected', 'text', false),
		col('found', 'text', false),
		col('is_synthetic', 'bool', false, false)
	]
};

/** The order a list opens in: the most telling first. */
export const DEFAULT_SORT: Record<ListName, { sort: string; dir: SortDir }> = {
	not_done: { sort: 'province', dir: 'asc' },
	zero_budget: { sort: 'province', dir: 'asc' },
	no_report: { sort: 'reason', dir: 'asc' },
	failed_docs: { sort: 'failed_checks', dir: 'desc' }
};

export type SortDir = 'asc' | 'desc';

/** Rows of a page, as JSON carries them. */
export type ListCell = string | number | boolean | null;
export type ListRow = Record<string, ListCell>;

export const PAGE_SIZE = 100;
/** A download larger than this is refused with a message, never cut short. */
export const EXPORT_CAP = 500_000;
