/**
 * The fuzz oracle: what must hold of any parse outcome, whatever the bytes were.
 *
 * - It is a report: no exception, no dead worker, no hang (the runner's time limit), no
 *   `parser_failed` (a caught bug is still a bug).
 * - Rejected documents name the rule and the line: every error problem and failed error check
 *   has a catalogued code and a line inside the document; only document-wide reasons (empty, too
 *   large, no table at all) may have none.
 * - Decoding is checked against the platform's fatal UTF-8 decoder, and the line of the first
 *   bad byte is counted here, with CR, LF and CRLF each ending a line.
 * - Accepted documents have plausible years, and their totals are recomputed here from the items
 *   (satang integers) and compared with the declared totals, which must be written on the lines the
 *   report gives. A difference is tolerated only where the report itself records a failed check
 *   for it, the verdict is not `accepted`, and (for a grand total) located damage explains it.
 */
import { createHash } from 'node:crypto';
import { isKnownIssue } from '../../../etl/errors.ts';
import type { Check, Item, ParseReport, Table } from '../../../etl/parse/common/types.ts';
import type { Outcome } from './runner.ts';

export interface Finding {
	rule: string;
	message: string;
	line?: number | null;
}

/** Reasons that concern the whole document and have no line to point at. */
export const DOCUMENT_WIDE = new Set([
	'empty_document',
	'document_too_large',
	'unrecognised_document',
	'no_table'
]);

const MAX_BYTES = 20 * 1024 * 1024;
const MIN_YEAR = 2500;
const MAX_YEAR = 2650;

/** 1 + the line breaks (CRLF, CR or LF, each one break) before `offset`. */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
	let n = 1;
	for (let i = 0; i < offset; i++) {
		const b = bytes[i];
		if (b === 0x0a) n++;
		else if (b === 0x0d && bytes[i + 1] !== 0x0a) n++;
	}
	return n;
}

/**
 * Offset of the first byte that makes the input invalid UTF-8 by the platform's decoder (-1 if
 * valid): for ED A0 it is A0, where the parser names ED; both are on one line, which is what is
 * compared.
 */
export function firstBadUtf8(bytes: Uint8Array): number {
	// Forward in chunks with a streaming decoder (an incomplete sequence at a chunk's end waits for
	// the next), then bisect the chunk that failed: linear, however long the document.
	const CHUNK = 1 << 16;
	const stream = new TextDecoder('utf-8', { fatal: true });
	let start = 0;
	for (; start < bytes.length; start += CHUNK) {
		try {
			stream.decode(bytes.subarray(start, start + CHUNK), { stream: true });
		} catch {
			break;
		}
	}
	if (start >= bytes.length) {
		try {
			stream.decode();
			return -1;
		} catch {
			// Only the end is incomplete: the bad sequence starts at its lead byte.
			let j = bytes.length - 1;
			while (j > 0 && (bytes[j]! & 0xc0) === 0x80) j--;
			return j;
		}
	}
	// A character begun before the failing chunk starts at most 3 bytes back: decode afresh from
	// its lead byte (continuation bytes of a character already complete are stepped over).
	let base = Math.max(0, start - 3);
	while (base < start && (bytes[base]! & 0xc0) === 0x80) base++;
	const fails = (end: number) => {
		try {
			new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(base, end), { stream: true });
			return false;
		} catch {
			return true;
		}
	};
	let a = base + 1;
	let b = Math.min(bytes.length, start + CHUNK);
	while (a < b) {
		const mid = (a + b) >>> 1;
		if (fails(mid)) b = mid;
		else a = mid + 1;
	}
	return a - 1;
}

const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const toArabic = (s: string) => s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));

/** The numbers written on a line, digits of either script, thousands separators dropped. */
export function numbersIn(text: string): number[] {
	const t = toArabic(text.replace(INVISIBLE, '')).replace(/(?<=\d),(?=\d{3})/g, '');
	return [...t.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
}

const satang = (baht: number) => Math.round(baht * 100);

function decodedLines(bytes: Uint8Array): string[] {
	let text = new TextDecoder().decode(bytes);
	if (text.startsWith('\ufeff')) text = text.slice(1);
	return text.split(/\r\n|\r|\n/);
}

function reasonsOf(report: ParseReport) {
	const problems = report.problems
		.filter((p) => p.severity === 'error')
		.map((p) => ({ code: p.code, line: p.line }));
	const checks = report.checks
		.filter((c) => !c.ok && c.severity === 'error')
		.map((c) => ({ code: c.name, line: c.line }));
	return [...problems, ...checks];
}

/** The rules a quarantined report names, each once, in order. */
export function rejectionRules(report: ParseReport): string[] {
	return [...new Set(reasonsOf(report).map((r) => r.code))];
}

function checkShape(report: ParseReport, bytes: Uint8Array, out: Finding[]): void {
	const sha = createHash('sha256').update(bytes).digest('hex');
	if (report.sha256 !== sha) out.push({ rule: 'sha256', message: `report names ${report.sha256}` });
	let maxLine = report.lineCount;
	const located = [
		...report.problems.map((p) => ({ code: p.code, line: p.line, what: 'problem' })),
		...report.checks.map((c) => ({ code: c.name, line: c.line, what: 'check' }))
	];
	for (const { code, line, what } of located) {
		if (!isKnownIssue(code)) out.push({ rule: 'unknown_code', message: `${what} ${code}`, line });
		// Decoding failures have no lines (lineCount 0): count the bytes' lines only then.
		if (line !== null && line > maxLine)
			maxLine = Math.max(maxLine, lineOfByte(bytes, bytes.length));
		if (line !== null && !(Number.isInteger(line) && line >= 1 && line <= maxLine)) {
			out.push({ rule: 'line_out_of_range', message: `${what} ${code} at ${line} of ${maxLine}` });
		}
	}
	const failed = report.problems.find((p) => p.code === 'parser_failed');
	if (failed) out.push({ rule: 'parser_failed', message: failed.message });

	const reasons = reasonsOf(report);
	const warned = report.problems.length > 0 || report.checks.some((c) => !c.ok);
	const expected =
		reasons.length > 0 ? 'quarantined' : warned ? 'accepted_with_warnings' : 'accepted';
	if (report.verdict !== expected) {
		out.push({
			rule: 'verdict',
			message: `verdict ${report.verdict}, the report holds ${expected}`
		});
	}
	for (const r of reasons) {
		if (r.line === null && !DOCUMENT_WIDE.has(r.code)) {
			out.push({ rule: 'unlocated_rejection', message: `${r.code} has no line` });
		}
	}
}

function checkDecoding(report: ParseReport, bytes: Uint8Array, out: Finding[]): void {
	if (bytes.length === 0 || bytes.length > MAX_BYTES) return;
	const nul = bytes.indexOf(0);
	const bad = nul >= 0 ? -1 : firstBadUtf8(bytes);
	const code = nul >= 0 ? 'binary_document' : bad >= 0 ? 'invalid_utf8' : null;
	const got = report.problems.find(
		(p) => p.code === 'invalid_utf8' || p.code === 'binary_document'
	);
	if (code === null) {
		if (got)
			out.push({
				rule: 'decode_false_alarm',
				message: `${got.code} on valid UTF-8`,
				line: got.line
			});
		return;
	}
	const line = lineOfByte(bytes, nul >= 0 ? nul : bad);
	if (!got || got.code !== code) {
		out.push({ rule: 'decode_missed', message: `expected ${code} at line ${line}`, line });
	} else if (got.line !== line) {
		out.push({
			rule: 'decode_wrong_line',
			message: `${code} at line ${got.line}, the byte is on line ${line}`,
			line
		});
	}
}

const plausible = (y: number) => Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;

function checkYears(report: ParseReport, out: Finding[]): void {
	const years = new Set<number>(report.fiscalYears);
	for (const t of report.tables) {
		if (t.fiscalYear !== null) years.add(t.fiscalYear);
		for (const i of t.items) for (const k of Object.keys(i.budget)) years.add(Number(k));
	}
	for (const y of years) {
		if (!plausible(y))
			out.push({ rule: 'implausible_year', message: `accepted with fiscal year ${y}` });
	}
}

interface Ctx {
	report: ParseReport;
	lines: readonly string[];
	out: Finding[];
	/** Differences the report names with a failed warning check (tolerated by design). */
	tolerated: string[];
}

/** The declared amount must be written on the line the report gives for it. */
function declaredOnLine(ctx: Ctx, line: number | null, amount: number, what: string): void {
	if (amount === 0) return; // "-" and "ไม่ใช้งบประมาณ" are zeros with no digits
	const text = line === null ? undefined : ctx.lines[line - 1];
	if (text === undefined || !numbersIn(text).includes(amount)) {
		ctx.out.push({
			rule: 'declared_not_in_text',
			message: `${what} ${amount} is not on line ${line}`,
			line
		});
	}
}

/**
 * A recomputed figure that differs from the declared one: the report must record a failed check
 * at that line (with the same two sides when `exact`), and must not be `accepted`.
 */
function differs(
	ctx: Ctx,
	c: { name: string; line: number | null; declared: unknown; computed: unknown; detail?: string },
	exact: boolean
): void {
	const named = ctx.report.checks.some(
		(k: Check) =>
			k.name === c.name &&
			!k.ok &&
			k.line === c.line &&
			(c.detail === undefined || k.detail === c.detail) &&
			(!exact || (k.declared === c.declared && k.computed === c.computed))
	);
	const where = `${c.name}${c.detail ? ` ${c.detail}` : ''} at line ${c.line}`;
	const sides = `declared ${String(c.declared)}, items give ${String(c.computed)}`;
	if (!named)
		ctx.out.push({ rule: 'silent_mismatch', message: `${where}: ${sides}`, line: c.line });
	else ctx.tolerated.push(c.name);
	if (ctx.report.verdict === 'accepted') {
		ctx.out.push({ rule: 'accepted_mismatch', message: `${where}: ${sides}`, line: c.line });
	}
}

function sumSatang(values: ReadonlyArray<number | null | undefined>): number | null {
	let s = 0;
	for (const v of values) {
		if (v === null || v === undefined) return null;
		s += satang(v);
	}
	return s;
}

function annualTotals(ctx: Ctx, t: Table): void {
	const d = t.declared as {
		grandTotal: number | null;
		grandTotalLine: number | null;
		quarterTicks: Array<number | null> | null;
	};
	if (d.grandTotal === null) {
		ctx.out.push({
			rule: 'accepted_without_total',
			message: `annual table at ${t.lines[0]}`,
			line: t.lines[0]
		});
		return;
	}
	const computed = sumSatang(t.items.map((i) => i.budget[String(t.fiscalYear)]));
	if (computed === null) {
		ctx.out.push({ rule: 'accepted_unreadable_amount', message: `annual table at ${t.lines[0]}` });
	} else if (computed !== satang(d.grandTotal)) {
		const msg = `grand total ${d.grandTotal} ≠ items ${computed / 100}`;
		ctx.out.push({ rule: 'total_mismatch', message: msg, line: d.grandTotalLine });
	}
	declaredOnLine(ctx, d.grandTotalLine, d.grandTotal, 'grand total');
	d.quarterTicks?.forEach((declared, q) => {
		const ticked = t.items.filter((i) => i.quarters?.[q]).length;
		if (declared === ticked) return;
		const c = {
			name: 'quarter_tick_count',
			line: d.grandTotalLine,
			declared,
			computed: ticked,
			detail: `Q${q + 1}`
		};
		differs(ctx, c, true);
	});
}

const STATUS_FIELDS = ['pending', 'in_progress', 'done', 'not_done'] as const;

function reportTotals(ctx: Ctx, t: Table): void {
	const d = t.declared as { summary?: Record<string, number | string>; summaryLine?: number };
	if (!d.summary) return;
	const summaries = (ctx.report.extras?.summaries ?? []) as Array<{
		line: number;
		fields: Record<string, { value: number | string; line: number }>;
	}>;
	const chosen = summaries.find((s) => s.line === d.summaryLine);
	const disbursed = chosen?.fields.disbursed;
	if (disbursed && typeof disbursed.value === 'number') {
		const computed = sumSatang(t.items.map((i: Item) => i.disbursed));
		if (computed !== satang(disbursed.value)) {
			const msg = `disbursed ${disbursed.value} ≠ items ${computed === null ? 'unreadable' : computed / 100}`;
			ctx.out.push({ rule: 'total_mismatch', message: msg, line: disbursed.line });
		}
		declaredOnLine(ctx, disbursed.line, disbursed.value, 'disbursed');
	}
	for (const status of STATUS_FIELDS) {
		const f = chosen?.fields[status];
		if (!f) continue;
		const count = t.items.filter((i) => i.status === status).length;
		if (f.value !== count) {
			differs(
				ctx,
				{ name: 'status_count', line: f.line, declared: f.value, computed: count, detail: status },
				true
			);
		}
	}
	const n = chosen?.fields.item_count;
	if (n && n.value !== t.items.length) {
		differs(
			ctx,
			{ name: 'summary_item_count', line: n.line, declared: n.value, computed: t.items.length },
			true
		);
	}
}

interface Part2Declared {
	fiscalYears: number[];
	grandTotal: { line: number; budget: Record<string, number | null> } | null;
	dimensions: Array<{
		dimension: number | null;
		line: number;
		subtotal: { line: number; budget: Record<string, number | null> } | null;
	}>;
}

function part2Totals(ctx: Ctx, t: Table): void {
	const d = t.declared as unknown as Part2Declared;
	const columnSum = (year: number, inside: (line: number, item?: Item) => boolean) => {
		let s = 0;
		for (const i of t.items) {
			const b = i.budget[String(year)];
			if (inside(i.line, i) && b !== null && b !== undefined) s += satang(b);
		}
		for (const u of t.unassigned)
			if (u.fiscalYear === year && inside(u.line)) s += satang(u.amount);
		return s;
	};
	const grand = d.grandTotal;
	if (!grand) {
		if (t.role === 'multi_year') {
			ctx.out.push({
				rule: 'accepted_without_total',
				message: `Part 2 table at ${t.lines[0]}`,
				line: t.lines[0]
			});
		}
		return;
	}
	const explained = t.unassigned.some((u) => u.amount !== 0);
	for (const year of d.fiscalYears) {
		const declared = grand.budget[String(year)];
		if (declared === null || declared === undefined) continue;
		const computed = columnSum(year, () => true);
		declaredOnLine(ctx, grand.line, declared, `grand total ${year}`);
		if (computed === satang(declared)) continue;
		const c = { name: 'grand_total_budget', line: grand.line, declared, computed: computed / 100 };
		differs(ctx, c, true);
		if (!explained) {
			const msg = `grand total ${year} ${declared} ≠ items ${computed / 100}, no unassigned amount`;
			ctx.out.push({ rule: 'total_mismatch', message: msg, line: grand.line });
		}
	}
	// A subtotal covers its dimension's rows wherever they stand (the reader sums by dimension, not
	// by position). Unassigned amounts carry no dimension, and several unnumbered dimensions cannot
	// be told apart: subtotals are recomputed only when neither is the case.
	const unnumbered = d.dimensions.filter((x) => x.dimension === null).length;
	if (explained || unnumbered > 1) return;
	for (const dim of d.dimensions) {
		const sub = dim.subtotal;
		if (!sub) continue;
		for (const year of d.fiscalYears) {
			const declared = sub.budget[String(year)];
			if (declared === null || declared === undefined) continue;
			const computed = columnSum(year, (_, item) => !item || item.dimension === dim.dimension);
			if (computed === satang(declared)) continue;
			const c = {
				name: 'dimension_subtotal_budget',
				line: sub.line,
				declared,
				computed: computed / 100
			};
			differs(ctx, c, false);
		}
	}
}

/** Every item is where the report says: its line carries its ordinal, budgets and disbursement. */
function checkProvenance(ctx: Ctx, t: Table): void {
	for (const item of t.items) {
		const text = ctx.lines[item.line - 1];
		const numbers = text === undefined ? [] : numbersIn(text);
		if (!numbers.includes(item.ordinal)) {
			const msg = `item ${item.ordinal} is not on line ${item.line}`;
			ctx.out.push({ rule: 'provenance', message: msg, line: item.line });
			continue;
		}
		const amounts = Object.entries(item.budget).map(([year, a]) => [`budget ${year}`, a] as const);
		for (const [what, amount] of [...amounts, ['disbursed', item.disbursed] as const]) {
			if (amount === null || amount === undefined || amount === 0) continue;
			if (numbers.includes(amount)) continue;
			const msg = `item ${item.ordinal} ${what} ${amount} is not on line ${item.line}`;
			ctx.out.push({ rule: 'provenance', message: msg, line: item.line });
		}
	}
}

/**
 * Everything wrong with one outcome; empty when it is acceptable. `tolerated` collects the names
 * of the checks whose recomputed figures differ from the declared ones in an accepted document,
 * each named by a failed warning check (e.g. a plan's grand total with unassigned amounts).
 */
export function judge(bytes: Uint8Array, outcome: Outcome, tolerated: string[] = []): Finding[] {
	if (outcome.type === 'timeout') {
		const cpu = outcome.cpuMs === null ? 'killed' : `${Math.round(outcome.cpuMs)} ms CPU`;
		return [{ rule: 'timeout', message: `${cpu}, ${Math.round(outcome.ms)} ms wall` }];
	}
	if (outcome.type === 'crash') {
		return [
			{
				rule: 'crash',
				message: `${outcome.error.name}: ${outcome.error.message}\n${outcome.error.stack}`
			}
		];
	}
	const { report } = outcome;
	const out: Finding[] = [];
	checkShape(report, bytes, out);
	checkDecoding(report, bytes, out);
	if (report.verdict === 'quarantined') return out;
	checkYears(report, out);
	const ctx: Ctx = { report, lines: decodedLines(bytes), out, tolerated };
	for (const t of report.tables) {
		checkProvenance(ctx, t);
		if (t.role === 'annual') annualTotals(ctx, t);
		else if (t.role === 'report') reportTotals(ctx, t);
		else part2Totals(ctx, t);
	}
	return out;
}
