/**
 * A small RFC 4180 reader: comma-separated fields, `"` quoting with `""` for a quote, commas and
 * line breaks inside quoted fields, CRLF or LF (or a lone CR) between records, a BOM ignored.
 * Used by the manifest reader and the registry importer.
 *
 * A malformed record (a stray quote, text after a closing quote, a quote never closed) is left
 * out of `rows` and reported in `errors` with its line; it is never silently repaired. Blank
 * lines are not records. Fields are not trimmed.
 */

export interface CsvError {
	/** 1-based line of the file, counting every line break (those inside quotes too). */
	line: number;
	message: string;
}

export interface CsvParse {
	rows: string[][];
	/** `lines[i]` is the line on which `rows[i]` starts. */
	lines: number[];
	errors: CsvError[];
}

export function parseCsv(text: string): CsvParse {
	const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const out: CsvParse = { rows: [], lines: [], errors: [] };
	let line = 1;
	let rowLine = 1;
	let fields: string[] = [];
	let field = '';
	let quoted = false;
	let inQuotes = false;
	let afterQuote = false;
	let error: CsvError | null = null;

	const fail = (message: string, at = line) => (error ??= { line: at, message });
	const endField = () => {
		fields.push(field);
		field = '';
		quoted = false;
		afterQuote = false;
	};
	const endRow = () => {
		const blank = fields.length === 0 && field === '' && !quoted;
		if (!blank) {
			endField();
			if (error) out.errors.push(error);
			else {
				out.rows.push(fields);
				out.lines.push(rowLine);
			}
		}
		fields = [];
		field = '';
		quoted = false;
		afterQuote = false;
		error = null;
	};

	for (let i = 0; i < src.length; i++) {
		const c = src[i];
		if (inQuotes) {
			if (c === '"') {
				if (src[i + 1] === '"') {
					field += '"';
					i++;
				} else {
					inQuotes = false;
					afterQuote = true;
				}
				continue;
			}
			if (c === '\n' || (c === '\r' && src[i + 1] !== '\n')) line++;
			field += c;
			continue;
		}
		if (c === '"') {
			if (field === '' && !quoted) {
				inQuotes = true;
				quoted = true;
			} else {
				fail(afterQuote ? 'text after a closing quote' : 'a quote inside an unquoted field');
				field += c;
			}
		} else if (c === ',') {
			endField();
		} else if (c === '\r' || c === '\n') {
			if (c === '\r' && src[i + 1] === '\n') i++;
			endRow();
			line++;
			rowLine = line;
		} else {
			if (afterQuote) fail('text after a closing quote');
			field += c;
		}
	}
	if (inQuotes) fail('a quoted field is never closed', rowLine);
	endRow();
	return out;
}
