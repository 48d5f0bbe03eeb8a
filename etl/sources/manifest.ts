import type { DocumentKind } from '../parse/common/types.ts';
import { isPlausibleBeYear } from '../text/be-year.ts';
import { thaiToArabicDigits } from '../text/thai-digits.ts';
import { parseCsv } from './csv.ts';
import { EtlSourceError } from './errors.ts';
import { arrayElementLines } from './json-lines.ts';
import { failed, skipped } from './messages.ts';
import { withoutPassword } from './url-policy.ts';
import type { DocumentHint, SourceFailure, SourceSkip } from './types.ts';

/**
 * Reads a manifest (pure: text in, rows out). CSV: a header row with `url` and optionally
 * `lao_code`, `kind`, `fiscal_year` (case, `_` and spaces in header names do not matter; other
 * columns are ignored). JSON: `[{ url, laoCode?, kind?, fiscalYear? }]` or `{ documents: [...] }`.
 *
 * A bad row is a `failed` entry naming its line; a repeated URL is `skipped`. Only a file that
 * is not a manifest at all throws (EtlSourceError `manifest_invalid`).
 */

export type ManifestFormat = 'csv' | 'json';

export interface ManifestRow {
	type: 'row';
	line: number;
	url: string;
	hint: DocumentHint;
}

export type ManifestItem = ManifestRow | SourceFailure | SourceSkip;

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
	'multi_year_plan',
	'annual_plan',
	'progress_report'
];

interface RawRow {
	url?: unknown;
	laoCode?: unknown;
	kind?: unknown;
	fiscalYear?: unknown;
}

type Problem = [en: string, th: string];

function present(v: unknown): boolean {
	return v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');
}

function readYear(v: unknown, problems: Problem[]): number | undefined {
	const text = thaiToArabicDigits(String(v).trim());
	if (!/^\d{1,6}$/.test(text)) {
		problems.push([
			`fiscal_year "${String(v)}" is not a number`,
			`fiscal_year "${String(v)}" ไม่ใช่ตัวเลข`
		]);
		return undefined;
	}
	const year = Number(text);
	if (isPlausibleBeYear(year)) return year;
	if (isPlausibleBeYear(year + 543)) {
		problems.push([
			`fiscal_year ${year} looks like a Common Era year; write the Buddhist Era year ${year + 543}`,
			`fiscal_year ${year} ดูเป็นปีคริสต์ศักราช ให้เขียนเป็นปีพุทธศักราช ${year + 543}`
		]);
	} else {
		problems.push([
			`fiscal_year ${year} is not a plausible Buddhist Era year`,
			`fiscal_year ${year} ไม่ใช่ปีพุทธศักราชที่เป็นไปได้`
		]);
	}
	return undefined;
}

const FIELD_NAMES: Record<keyof RawRow, string> = {
	url: 'url',
	laoCode: 'lao_code',
	kind: 'kind',
	fiscalYear: 'fiscal_year'
};

/**
 * Fields holding a NUL character: JSON can carry one escaped (`"\u0000"`) past the check on the
 * raw text, and PostgreSQL text cannot store it, so echoing such a field into a run_events row
 * would fail the whole run. They are named, never quoted.
 */
function fieldsWithNul(raw: RawRow): string[] {
	return (Object.keys(FIELD_NAMES) as Array<keyof RawRow>)
		.filter((k) => raw[k] !== undefined && raw[k] !== null && String(raw[k]).includes('\u0000'))
		.map((k) => FIELD_NAMES[k]);
}

function readRow(raw: RawRow, line: number, origin: string): ManifestRow | SourceFailure {
	const withNul = fieldsWithNul(raw);
	if (withNul.length > 0) {
		const names = withNul.join(', ');
		const params = {
			line,
			detail: `${names} ${withNul.length > 1 ? 'hold' : 'holds'} a NUL character`,
			detailTh: `${names} มีอักขระ NUL`
		};
		return { ...failed(`${origin}:${line}`, 'manifest_row', params), line };
	}
	const problems: Problem[] = [];
	const hint: DocumentHint = {};
	const url = typeof raw.url === 'string' ? raw.url.trim() : '';
	if (!url) problems.push(['url is missing', 'ไม่มี url']);
	else if (!URL.canParse(url)) {
		problems.push([`url "${url}" is not an absolute URL`, `url "${url}" ไม่ใช่ URL แบบเต็ม`]);
	}
	if (present(raw.laoCode)) hint.laoCode = String(raw.laoCode).trim();
	if (present(raw.kind)) {
		const kind = String(raw.kind).trim() as DocumentKind;
		if (DOCUMENT_KINDS.includes(kind)) hint.kind = kind;
		else {
			const known = DOCUMENT_KINDS.join(', ');
			problems.push([
				`unknown kind "${kind}" (expected ${known})`,
				`ไม่รู้จักชนิดเอกสาร "${kind}" (ต้องเป็น ${known})`
			]);
		}
	}
	if (present(raw.fiscalYear)) {
		const year = readYear(raw.fiscalYear, problems);
		if (year !== undefined) hint.fiscalYear = year;
	}
	if (problems.length > 0) {
		const detail = problems.map((p) => p[0]).join('; ');
		const detailTh = problems.map((p) => p[1]).join('; ');
		return { ...failed(`${origin}:${line}`, 'manifest_row', { line, detail, detailTh }), line };
	}
	return { type: 'row', line, url, hint };
}

function invalid(origin: string, detail: string, detailTh: string): EtlSourceError {
	return new EtlSourceError('manifest_invalid', origin, { detail, detailTh });
}

const HEADER_FIELDS: Record<string, keyof RawRow> = {
	url: 'url',
	laocode: 'laoCode',
	kind: 'kind',
	fiscalyear: 'fiscalYear'
};

function csvRows(text: string, origin: string): Array<[RawRow, number] | SourceFailure> {
	const csv = parseCsv(text);
	const header = csv.rows[0];
	const headerLine = csv.lines[0] ?? 1;
	const names = (header ?? []).map((h) => h.trim().toLowerCase().replace(/[_\s]/g, ''));
	if (!header || !names.includes('url')) {
		const found = header ? header.join(', ') : 'nothing';
		throw invalid(
			origin,
			`the header row has no url column (found: ${found})`,
			`แถวหัวตารางไม่มีคอลัมน์ url (พบ: ${found})`
		);
	}
	const out: Array<[RawRow, number] | SourceFailure> = [];
	for (const e of csv.errors) {
		if (e.line < headerLine) continue;
		const params = { line: e.line, detail: e.message, detailTh: `CSV ผิดรูปแบบ (${e.message})` };
		out.push({ ...failed(`${origin}:${e.line}`, 'manifest_row', params), line: e.line });
	}
	csv.rows.slice(1).forEach((cells, i) => {
		const line = csv.lines[i + 1] as number;
		if (cells.length > header.length) {
			const detail = `the row has ${cells.length} fields, the header ${header.length}`;
			const detailTh = `แถวนี้มี ${cells.length} ช่อง แต่หัวตารางมี ${header.length} ช่อง`;
			out.push({
				...failed(`${origin}:${line}`, 'manifest_row', { line, detail, detailTh }),
				line
			});
			return;
		}
		const raw: RawRow = {};
		names.forEach((name, col) => {
			const field = HEADER_FIELDS[name];
			if (field && cells[col] !== undefined) raw[field] = cells[col];
		});
		out.push([raw, line]);
	});
	return out.sort((a, b) => lineOf(a) - lineOf(b));
}

function lineOf(x: [RawRow, number] | SourceFailure): number {
	return Array.isArray(x) ? x[1] : (x.line ?? 0);
}

function jsonRows(text: string, origin: string): Array<[RawRow, number] | SourceFailure> {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (e) {
		const msg = (e as Error).message;
		throw invalid(origin, `not JSON (${msg})`, `ไม่ใช่ JSON (${msg})`);
	}
	const wrapped =
		data !== null && typeof data === 'object' && !Array.isArray(data) && 'documents' in data;
	const list = Array.isArray(data)
		? data
		: wrapped
			? (data as { documents: unknown }).documents
			: null;
	if (!Array.isArray(list)) {
		throw invalid(
			origin,
			'expected an array of documents or { "documents": [...] }',
			'ต้องเป็นอาร์เรย์ของเอกสาร หรือ { "documents": [...] }'
		);
	}
	const lines = arrayElementLines(text, wrapped ? 'documents' : null);
	return list.map((item: unknown, i) => {
		const line = lines[i] ?? 0;
		if (item === null || typeof item !== 'object' || Array.isArray(item)) {
			const params = {
				line,
				detail: 'expected an object with a url',
				detailTh: 'ต้องเป็นออบเจกต์ที่มี url'
			};
			return { ...failed(`${origin}:${line}`, 'manifest_row', params), line };
		}
		const r = item as Record<string, unknown>;
		const raw: RawRow = {
			url: r.url,
			laoCode: r.laoCode ?? r.lao_code,
			kind: r.kind,
			fiscalYear: r.fiscalYear ?? r.fiscal_year
		};
		return [raw, line] as [RawRow, number];
	});
}

/** Reads manifest text; `origin` names the manifest in messages ("plans.csv"). */
export function readManifest(text: string, format: ManifestFormat, origin: string): ManifestItem[] {
	if (text.trim() === '') throw invalid(origin, 'the file is empty', 'ไฟล์ว่างเปล่า');
	if (text.includes('\u0000')) {
		throw invalid(origin, 'binary content, not text', 'เป็นข้อมูลไบนารี ไม่ใช่ข้อความ');
	}
	const raws = format === 'csv' ? csvRows(text, origin) : jsonRows(text, origin);
	const seen = new Map<string, number>();
	return raws.map((r): ManifestItem => {
		if (!Array.isArray(r)) return r;
		const row = readRow(r[0], r[1], origin);
		if (row.type !== 'row') return row;
		const key = new URL(row.url).href;
		const first = seen.get(key);
		if (first !== undefined)
			return {
				...skipped(withoutPassword(row.url), 'duplicate_url', { other: first }),
				line: row.line
			};
		seen.set(key, row.line);
		return row;
	});
}

/** Decodes manifest bytes as UTF-8, refusing anything that is not text. */
export function decodeManifest(bytes: Uint8Array, origin: string): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw invalid(origin, 'not UTF-8 text', 'ไม่ใช่ข้อความ UTF-8');
	}
}
