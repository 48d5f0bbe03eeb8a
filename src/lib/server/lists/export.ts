import { Bool, Float64, Int32, tableToIPC, Utf8, type DataType } from 'apache-arrow';
import { t, tDyn, type Lang } from '../../i18n/index.ts';
import { LIST_COLUMNS, type ColumnKind, type ListName, type ListRow } from '../../lists/columns.ts';
import { toCsv } from '../../lists/csv.ts';
import { toTable, type Column } from '../extracts/arrow.ts';

/** Every column, export-only ones included (codes, ids, is_synthetic). */
export function exportHeader(list: ListName, lang: Lang): string[] {
	return LIST_COLUMNS[list].map((c) => tDyn(`lists_col_${c.key}`, lang, c.key));
}

/**
 * The CSV of a list: header in the page's language, then one line per row with amounts as plain
 * numbers and codes (status, kind, verdict) as their stable codes, for spreadsheets and scripts.
 */
export function listCsv(list: ListName, rows: readonly ListRow[], lang: Lang): string {
	const keys = LIST_COLUMNS[list].map((c) => c.key);
	return toCsv(
		exportHeader(list, lang),
		rows.map((row) => keys.map((k) => row[k] ?? null))
	);
}

const ARROW_TYPES: Record<ColumnKind, () => DataType> = {
	text: () => new Utf8(),
	code: () => new Utf8(),
	int: () => new Int32(),
	baht: () => new Float64(),
	bool: () => new Bool()
};

/** The list as an Arrow IPC stream, column names = keys, for DuckDB-WASM → Parquet. */
export function listArrow(list: ListName, rows: readonly ListRow[]): Uint8Array {
	const columns: Column<ListRow>[] = LIST_COLUMNS[list].map((c) => ({
		name: c.key,
		type: ARROW_TYPES[c.kind](),
		nullable: c.kind !== 'bool',
		value: (row) => row[c.key] ?? null
	}));
	return tableToIPC(toTable(rows, columns, { 'sujarit.list': list }), 'stream');
}

export const tooLarge = (total: number, cap: number, lang: Lang) =>
	`${t('lists_export_too_large', lang)}: ${total.toLocaleString('en-US')} > ${cap.toLocaleString('en-US')}`;
