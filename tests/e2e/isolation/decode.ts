/**
 * Every response body turned into the text a reader (or a script) could get out of it: HTML with
 * its entities decoded, JSON with every string (SvelteKit's __data.json is devalue: strings sit in
 * a flat array, so walking the parsed value finds them all), CSV as is, Apache Arrow IPC read
 * cell by cell and dictionary by dictionary (a dictionary may hold values no row points at).
 * Besides the texts, the row-level keys a scoped response must keep within its scope.
 */
import { DataType, tableFromIPC, type Data, type Table } from 'apache-arrow';
import { LIST_COLUMNS, LIST_NAMES } from '../../../src/lib/lists/columns.ts';
import { exportHeader } from '../../../src/lib/server/lists/export.ts';
import { nodeData } from './devalue.ts';
import type { RowKeys } from './scope-keys.ts';

export type BodyKind = 'html' | 'json' | 'csv' | 'arrow' | 'parquet' | 'text' | 'empty';

export interface Decoded {
	kind: BodyKind;
	bytes: number;
	/** Every text to search, the raw body first. */
	texts: string[];
	/** Row keys found in the body: province_code, dla_code and document ids of rows. */
	keys: RowKeys;
	/** The parsed JSON, or the Arrow table, for the aggregate oracle. */
	json?: unknown;
	table?: Table;
	/** A __data.json's nodes, unflattened (devalue.ts): the page data as the page gets it. */
	pageData?: unknown[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(html: string): string {
	return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
		if (e[0] === '#') {
			const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
			return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
		}
		return ENTITIES[e.toLowerCase()] ?? all;
	});
}

/** Every string (keys too) in a parsed JSON value. */
export function jsonStrings(value: unknown, out: string[] = []): string[] {
	if (typeof value === 'string') out.push(value);
	else if (Array.isArray(value)) for (const v of value) jsonStrings(v, out);
	else if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) {
			out.push(k);
			jsonStrings(v, out);
		}
	}
	return out;
}

/** RFC 4180: quoted cells may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const endCell = () => {
		row.push(cell);
		cell = '';
	};
	const endRow = () => {
		endCell();
		rows.push(row);
		row = [];
	};
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') endCell();
		else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			endRow();
		} else cell += c;
	}
	if (cell !== '' || row.length > 0) endRow();
	return rows;
}

/** A list CSV's header is in the reader's language: each label → its column key. */
const CSV_KEYS = new Map(
	LIST_NAMES.flatMap((list) =>
		(['th', 'en'] as const).flatMap((lang) =>
			exportHeader(list, lang).map((label, i) => [label, LIST_COLUMNS[list][i]!.key] as const)
		)
	)
);

type Keys = RowKeys;
export const emptyKeys = (): Keys => ({ provinces: [], dlaCodes: [], documentIds: [] });

/** Adds a row's value under a column name that carries a row key. */
function addKey(keys: Keys, column: string, value: unknown): void {
	if (value === null || value === undefined || value === '') return;
	if (column === 'province_code' || column === 'provinceCode') keys.provinces.push(String(value));
	else if (column === 'dla_code' || column === 'dlaCode' || column === 'lao_dla_code')
		keys.dlaCodes.push(String(value));
	else if (['doc_key', 'document_id', 'source_document_id', 'documentId'].includes(column))
		keys.documentIds.push(Number(value));
}

/** Row keys in a parsed JSON value (the lists' JSON pages: arrays of row objects). */
export function jsonKeys(value: unknown, keys: Keys): void {
	if (Array.isArray(value)) for (const v of value) jsonKeys(v, keys);
	else if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) {
			if (typeof v !== 'object' || v === null) addKey(keys, k, v);
			else jsonKeys(v, keys);
		}
	}
}

/** SvelteKit's __data.json: { type: 'data', nodes } (or a redirect or an error). */
const isDevalue = (value: unknown) =>
	!!value &&
	typeof value === 'object' &&
	'type' in value &&
	('nodes' in value || 'location' in value || 'error' in value);

const cellText = (_: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);

/** Every cell as JSON text, every dictionary's values, and the row keys of an Arrow table. */
export function arrowTexts(table: Table, keys: Keys): string[] {
	const texts: string[] = [];
	for (const field of table.schema.fields) {
		const column = table.getChild(field.name);
		if (!column) continue;
		for (const data of column.data as Data[]) {
			// A dictionary column's values, referenced or not.
			if (DataType.isDictionary(data.type) && data.dictionary) {
				texts.push(JSON.stringify(data.dictionary.toArray(), cellText));
			}
		}
		const values = column.toArray() as ArrayLike<unknown>;
		const cells: unknown[] = [];
		for (let i = 0; i < values.length; i++) {
			const v = values[i];
			cells.push(v);
			addKey(keys, field.name, v);
		}
		texts.push(JSON.stringify(cells, cellText));
	}
	return texts;
}

export function contentKind(contentType: string, bytes: number): BodyKind {
	if (bytes === 0) return 'empty';
	const type = contentType.split(';')[0]!.trim().toLowerCase();
	if (type === 'text/html') return 'html';
	if (type === 'application/json') return 'json';
	if (type === 'text/csv') return 'csv';
	if (type.includes('arrow')) return 'arrow';
	if (type.includes('parquet')) return 'parquet';
	return 'text';
}

/**
 * Decodes a body by its Content-Type. A body that claims a format and does not parse as it is
 * an error (thrown): the probe reports it rather than searching bytes it did not understand.
 */
export function decodeBody(contentType: string, body: Uint8Array): Decoded {
	const kind = contentKind(contentType, body.byteLength);
	const raw = new TextDecoder('utf-8').decode(body);
	const keys = emptyKeys();
	const texts = [raw];
	let json: unknown;
	let table: Table | undefined;
	let pageData: unknown[] | undefined;
	if (kind === 'html') texts.push(decodeEntities(raw));
	else if (kind === 'json') {
		const value: unknown = JSON.parse(raw);
		json = value;
		// Strings once parsed: escapes such as \u0043 are read as the characters they stand for.
		texts.push(jsonStrings(value).join('\n'));
		// A devalue payload's objects point into a flat array: its numbers are no row keys.
		if (isDevalue(value)) pageData = nodeData(value);
		else jsonKeys(value, keys);
	} else if (kind === 'csv') {
		const [header = [], ...rows] = parseCsv(raw.replace(/^\uFEFF/, ''));
		const columns = header.map((label) => CSV_KEYS.get(label) ?? label);
		for (const row of rows) columns.forEach((column, i) => addKey(keys, column, row[i]));
	} else if (kind === 'arrow') {
		table = tableFromIPC(body);
		texts.push(...arrowTexts(table, keys));
	}
	// Parquet is never served (lists answer json, csv or arrow; the browser would write Parquet
	// with DuckDB-WASM, which has no writer offline): were it served, its pages may be compressed,
	// so the raw UTF-8 above would be all this could check. The matrix asks for format=parquet and
	// expects the 400.
	return { kind, bytes: body.byteLength, texts, keys, json, table, pageData };
}
