import { parseBaht } from '../../text/baht.ts';
import { isPlausibleBeYear, MAX_BE_YEAR, MIN_BE_YEAR } from '../../text/be-year.ts';
import { squash } from '../../text/canonical.ts';
import { isDimensionHeaderCell } from '../../text/ocr.ts';
import { parseThaiDate } from '../../text/thai-date.ts';
import { parseThaiInt, thaiToArabicDigits } from '../../text/thai-digits.ts';
import { readTick } from '../../text/ticks.ts';
import { line, type SourceText } from './source.ts';
import type { Item, Problem, Severity } from './types.ts';

/**
 * The layout both E-PlanNACC exports share (annual plan, progress report): a title repeated on
 * every page, a two-row header whose second row names the sub-columns by position ("1 2 3 4"
 * quarters, or the four statuses), one row per item, and in the annual plan a "รวมทั้งสิ้น" row.
 * Seen in town-mun-phichai-lampang_annual-plan-2568.txt lines 71–122 and
 * pao-ang-thong_report-2566.txt lines 1072–1164.
 */
export type EplanKind = 'annual' | 'report';

export interface EplanTitle {
	line: number;
	text: string;
	fiscalYear: number;
	/** Reports only: "รอบ 12 เดือน". */
	period: string | null;
}

/** One page's two header rows: column positions, and the second row's labels by position. */
export interface EplanHeader {
	line: number;
	subLine: number | null;
	col: Record<'name' | 'dimension' | 'budget' | 'disbursed' | 'remark', number | null>;
	/** A tick means what the label above its cell says ("1".."4", "รอ รายงาน"...). */
	sub: Array<{ index: number; label: string }>;
}

export interface EplanRow {
	line: number;
	ordinal: number;
	name: string;
	dimension: Item['dimension'];
	budget: number | null;
	disbursed: number | null;
	/** Labels of the ticked columns, from the second header row of the row's own page. */
	ticked: string[];
	remark: string | null;
}

export interface EplanTotal {
	line: number;
	budget: number | null;
	/** The declared number of ticks, by sub-column label. */
	counts: Record<string, number | null>;
}

export interface EplanTable {
	kind: EplanKind;
	title: EplanTitle;
	/** Every page: its title line (when repeated) and its own header, read afresh. */
	pages: Array<{ titleLine: number | null; header: EplanHeader }>;
	rows: EplanRow[];
	total: EplanTotal | null;
	lines: [number, number];
	asOf: { line: number; date: string | null } | null;
}

/** Severity, then English and Thai templates whose "{name}" slots the call fills. */
export type IssueType = readonly [Severity, string, string];

const fill = (template: string, vars: Record<string, unknown>) =>
	template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

/** A problem factory bound to a catalogue: severity and wording once, location per call. */
export const issuer =
	<C extends string>(catalogue: Record<C, IssueType>) =>
	(code: C, at: number | null, vars: object, extra: Partial<Problem> = {}): Problem => {
		const [severity, en, th] = catalogue[code];
		const v = vars as Record<string, unknown>;
		return { line: at, severity, code, message: fill(en, v), messageTh: fill(th, v), ...extra };
	};

/** The problems the shared reader records. */
export const TABLE_ISSUES = {
	bad_amount: [
		'error',
		'The {what} cell "{cell}" is not an amount.',
		'ช่อง{th} "{cell}" ไม่ใช่จำนวนเงิน'
	],
	bad_dimension: [
		'error',
		'Item {ordinal}: มิติ "{cell}" is not 1–4.',
		'รายการที่ {ordinal}: มิติ "{cell}" ไม่ใช่ 1–4'
	],
	unknown_tick: [
		'warning',
		'Item {ordinal}, column "{label}": "{cell}" is not a tick ({reading}); read as not ticked.',
		'รายการที่ {ordinal} คอลัมน์ "{label}": "{cell}" ไม่ใช่เครื่องหมายถูก จึงถือว่าไม่ได้ทำเครื่องหมาย'
	],
	bad_header: ['error', 'The table header has no {column} column.', 'หัวตารางไม่มีคอลัมน์{th}'],
	unreadable_row: [
		'warning',
		'Line {line} is inside the table but is not a row.',
		'บรรทัด {line} ไม่ใช่แถวของตาราง'
	],
	bad_year: [
		'error',
		'The table title names the year {year}: not a Buddhist Era year of these plans ({min}–{max}).',
		'ชื่อตารางระบุปี {year} ซึ่งไม่ใช่ปี พ.ศ. ของแผนเหล่านี้ ({min}–{max})'
	],
	missing_grand_total: [
		'error',
		'The table "{title}" ends at line {line} without its รวมทั้งสิ้น row.',
		'ตาราง "{title}" จบที่บรรทัด {line} โดยไม่มีแถวรวมทั้งสิ้น'
	]
} satisfies Record<string, IssueType>;

const issue = issuer(TABLE_ISSUES);

// The name starts at a non-space (`\S.*`, not `.+`): `\s*(.+)$` could share a run of spaces two
// ways, quadratic when `$` then fails (recheck: bench/recheck.ts).
const ANNUAL_TITLE = /^แผนปฏิบัติการป้องกันการทุจริต\s*พ\.ศ\.\s*(\d{4})\s*ของ\s*(\S.*)$/;
// The name is `\S(?:.*?\S)?`, not `.+?`: a lazy dot next to `\s*` can share every space with it,
// and a long run of spaces then took cubic time (tests/fuzz/regex.test.ts).
const REPORT_TITLE =
	/^รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต\s*ของ\s*(\S(?:.*?\S)?)\s*พ\.ศ\.\s*(\d{4})\s*(รอบ\s*\d+\s*เดือน)?$/;

/** Reads an E-PlanNACC table title of the given kind, or null. */
export function readTitle(text: string, at: number, kind: EplanKind): EplanTitle | null {
	const t = squash(thaiToArabicDigits(text));
	const m = (kind === 'annual' ? ANNUAL_TITLE : REPORT_TITLE).exec(t);
	if (!m) return null;
	const year = Number(kind === 'annual' ? m[1] : m[2]);
	return { line: at, text: t, fiscalYear: year, period: m[3] ?? null };
}

const cellAt = (cells: readonly string[], i: number | null) =>
	i === null ? '' : squash(cells[i] ?? '');

/** A first header row: "ลำดับ | รายการโครงการ (ตั้งต้น) | มิติ | งบประมาณ (บาท) | …". */
export function readHeader(cells: readonly string[], at: number): EplanHeader | null {
	const sq = cells.map(squash);
	const find = (test: (c: string) => boolean) => {
		const i = sq.findIndex(test);
		return i < 0 ? null : i;
	};
	const name = find((c) => c.startsWith('รายการโครงการ'));
	if (sq[0] !== 'ลำดับ' || name === null) return null;
	const col = {
		name,
		// OCR writes มิติ as มติ on the third page of the Phichai annual plan (line 113).
		dimension: find(isDimensionHeaderCell),
		budget: find((c) => c.startsWith('งบประมาณ')),
		disbursed: find((c) => c.startsWith('เบิกจ่าย')),
		remark: find((c) => c === 'หมายเหตุ')
	};
	return { line: at, subLine: null, col, sub: [] };
}

/** The second header row: empty under the first columns, labels under the spanning column. */
function readSubHeader(cells: readonly string[], h: EplanHeader) {
	if (cellAt(cells, 0) !== '' || cellAt(cells, h.col.name) !== '') return null;
	const sub = cells
		.map((c, index) => ({ index, label: squash(thaiToArabicDigits(c)) }))
		.filter((s) => s.label !== '');
	return sub.length > 0 ? sub : null;
}

const NAME_KINDS = { โครงการ: 'project', กิจกรรม: 'activity', มาตรการ: 'measure' } as const;

/** 'project' | 'activity' | 'measure' from the name's first word (quotes skipped), else null. */
export function itemKindOf(name: string): Item['itemKind'] {
	const t = name.replace(/^[\s“”"'‘’(]+/, '');
	const word = Object.keys(NAME_KINDS).find((w) => t.startsWith(w));
	return word ? NAME_KINDS[word as keyof typeof NAME_KINDS] : null;
}

const AMOUNT_TH: Record<string, string> = { budget: 'งบประมาณ', disbursed: 'เบิกจ่าย', total: 'รวม' };

type Cells = readonly string[];

function amount(cells: Cells, i: number | null, at: number, what: string, out: Problem[]) {
	const cell = cellAt(cells, i);
	const b = parseBaht(cell);
	const vars = { what, th: AMOUNT_TH[what], cell };
	if (b === null) out.push(issue('bad_amount', at, vars, { expected: 'an amount', found: cell }));
	return b?.value ?? null;
}

/** Reads one item row against the header of its page; problems are appended, never thrown. */
export function readRow(cells: readonly string[], at: number, h: EplanHeader, out: Problem[]) {
	const ordinal = parseThaiInt(cellAt(cells, 0));
	if (ordinal === null) return null;
	const dimCell = cellAt(cells, h.col.dimension);
	const dim = parseThaiInt(dimCell);
	const dimension = dim !== null && dim >= 1 && dim <= 4 ? (dim as 1 | 2 | 3 | 4) : null;
	const vars = { ordinal, cell: dimCell };
	if (!dimension) out.push(issue('bad_dimension', at, vars, { expected: '1–4', found: dimCell }));
	const ticked: string[] = [];
	for (const { index, label } of h.sub) {
		const cell = cellAt(cells, index);
		const reading = readTick(cell);
		if (reading === 'ticked') ticked.push(label);
		const extra = { expected: 'a tick or an empty cell', found: cell };
		if (reading === 'unknown' || reading === 'unchecked_box')
			out.push(issue('unknown_tick', at, { ordinal, label, cell, reading }, extra));
	}
	const row: EplanRow = {
		line: at,
		ordinal,
		name: cellAt(cells, h.col.name),
		dimension,
		budget: amount(cells, h.col.budget, at, 'budget', out),
		disbursed:
			h.col.disbursed === null ? null : amount(cells, h.col.disbursed, at, 'disbursed', out),
		ticked,
		remark: cellAt(cells, h.col.remark) || null
	};
	return row;
}

/** The grand-total row: "รวมทั้งสิ้น | | | 185,000.00 | 30 | 23 | 24 | 28 |". */
export function readTotal(cells: readonly string[], at: number, h: EplanHeader, out: Problem[]) {
	if (!/^รวม(?:ทั้งสิ้น)?$/.test(cellAt(cells, 0))) return null;
	const counts: Record<string, number | null> = {};
	for (const { index, label } of h.sub) counts[label] = parseThaiInt(cellAt(cells, index));
	const budget = amount(cells, h.col.budget, at, 'total', out);
	return { line: at, budget, counts } satisfies EplanTotal;
}

const AS_OF = /ข้อมูล\s*ณ\s*วันที่/;
const REQUIRED = [
	['dimension', 'มิติ'],
	['budget', 'งบประมาณ']
] as const;

/**
 * Finds every table of a kind. A title followed by a header opens a table; the same title again
 * (or a bare header) opens its next page, whatever lies between; a total row, another title or
 * the end of the file closes it. The as-of line after a table is kept with it. An annual table
 * that closes without its total is reported as `missing_grand_total`.
 */
export function scanEplanTables(src: SourceText, kind: EplanKind) {
	const tables: EplanTable[] = [];
	const problems: Problem[] = [];
	type Open = { table: EplanTable; page: EplanHeader | null; last: number };
	let open: Open | null = null;
	/** A title waiting for its header (a title followed by anything else was prose). */
	let title: EplanTitle | null = null;
	const close = () => {
		const o = open as Open | null;
		if (o && o.table.total === null && kind === 'annual') {
			const vars = { title: o.table.title.text, line: o.last };
			const found = squash(line(src, o.last));
			problems.push(issue('missing_grand_total', o.last, vars, { expected: 'รวมทั้งสิ้น', found }));
		}
		if (o) tables.push({ ...o.table, lines: [o.table.title.line, o.last] });
		open = null;
	};
	const badYears = new Set<string>();
	for (let n = 1; n <= src.lines.length; n++) {
		const text = line(src, n);
		if (squash(text) === '') continue;
		const t = readTitle(text, n, kind);
		// A year such as 2999 or 0000 would key every fact of the table: refused, once per title
		// (found by fuzzing: a report titled พ.ศ. 2999 was accepted, tests/fuzz/regressions.test.ts).
		if (t && !isPlausibleBeYear(t.fiscalYear) && !badYears.has(t.text)) {
			badYears.add(t.text);
			const vars = { year: t.fiscalYear, min: MIN_BE_YEAR, max: MAX_BE_YEAR };
			const expected = `${MIN_BE_YEAR}–${MAX_BE_YEAR}`;
			problems.push(issue('bad_year', n, vars, { expected, found: t.fiscalYear }));
		}
		if (t && open?.table.title.text !== t.text) close();
		if (t) title = t;
		if (t) continue;
		const cells = text.includes('\t') ? text.split('\t') : null;
		const header: EplanHeader | null = cells && (open || title) ? readHeader(cells, n) : null;
		if (header) {
			for (const [column, th] of REQUIRED) {
				const missing = header.col[column] === null;
				if (missing) problems.push(issue('bad_header', n, { column, th }, { expected: column }));
			}
			const o: Open = open ?? {
				table: { kind, title: title!, pages: [], rows: [], total: null, lines: [n, n], asOf: null },
				page: null,
				last: n
			};
			o.table.pages.push({ titleLine: title?.line ?? null, header });
			[open, o.page, o.last, title] = [o, header, n, null];
			continue;
		}
		title = null;
		const h = open?.page;
		if (open && h && cells) {
			const sub = h.subLine === null ? readSubHeader(cells, h) : null;
			if (sub) [h.sub, h.subLine] = [sub, n];
			const total = sub ? null : readTotal(cells, n, h, problems);
			const row = sub || total ? null : readRow(cells, n, h, problems);
			if (row) open.table.rows.push(row);
			if (total) open.table.total = total;
			const extra = { expected: 'a table row', found: squash(text) };
			if (!sub && !row && !total) problems.push(issue('unreadable_row', n, { line: n }, extra));
			open.last = n;
			if (total) close();
			continue;
		}
		if (open) open.page = null;
		const prev = open?.table ?? tables[tables.length - 1];
		if (prev && prev.asOf === null && AS_OF.test(text))
			prev.asOf = { line: n, date: parseThaiDate(text) };
	}
	close();
	return { tables, problems };
}

/** A document's as-of date: the latest of its tables' (a file with two years is as of the later). */
export const latestAsOf = (tables: readonly EplanTable[]): string | null =>
	tables.map((t) => t.asOf?.date ?? '').reduce((a, b) => (b > a ? b : a), '') || null;
