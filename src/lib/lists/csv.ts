/**
 * CSV for spreadsheets (RFC 4180): UTF-8 with a byte-order mark so that Excel reads Thai, CRLF
 * line ends, every field that holds a comma, quote, CR or LF quoted with quotes doubled.
 *
 * Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with = + - @
 * (and TAB or CR, which some strip before looking), and Excel treats the full-width forms
 * ＝ ＋ － ＠ the same. OWASP ASVS 5.0 (1.2.10) adds NUL; and since importers differ on trimming
 * (LibreOffice's "Trim spaces", Sheets), a trigger after leading whitespace counts too:
 * " =HYPERLINK(…)" is quoted. Such a text cell gets a leading single quote, so it shows as text.
 * Numbers are written by the caller as plain numbers (a negative amount is a number, not text,
 * so it is not escaped); only strings pass through `neutralise`.
 */
export const BOM = '\uFEFF';
export const EOL = '\r\n';

// eslint-disable-next-line no-control-regex -- NUL, TAB and CR are among the triggers
const FORMULA_START = /^(?:[\t\r\u0000]|[\s\u0000]*[=+\-@＝＋－＠])/;

export type CsvValue = string | number | boolean | null | undefined;

/** A text cell that a spreadsheet would run as a formula, made inert. */
export function neutralise(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field: numbers as plain numbers (no grouping), null as empty, text quoted when needed. */
export function csvField(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new RangeError(`csvField: ${value} is not a finite number`);
		return String(value);
	}
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	const text = neutralise(value);
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (values: readonly CsvValue[]): string => values.map(csvField).join(',');

/** A whole file: BOM, header, rows, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
	return BOM + [header, ...rows].map((r) => csvLine(r) + EOL).join('');
}

/**
 * RFC 4180 reader, the oracle of the tests and of the e2e download check: fields as written
 * (the quote prefix stays: it is part of what the spreadsheet receives).
 */
export function parseCsv(text: string): string[][] {
	const src = text.startsWith(BOM) ? text.slice(1) : text;
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let i = 0;
	while (i < src.length) {
		const c = src[i]!;
		if (quoted) {
			if (c === '"' && src[i + 1] === '"') {
				field += '"';
				i += 2;
				continue;
			}
			if (c === '"') quoted = false;
			else field += c;
			i++;
			continue;
		}
		if (c === '"' && field === '') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\r' && src[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else field += c;
		i++;
	}
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}
