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
 * - Accepted documents have plausible years, and their totals are recomputed (totals.ts) from the items
 *   (satang integers) and compared with the declared totals, which must be written on the lines the
 *   report gives. A difference is tolerated only where the report itself records a failed check
 *   for it, the verdict is not `accepted`, and (for a grand total) located damage explains it.
 */
import { createHash } from 'node:crypto';
import { isKnownIssue } from '../../../etl/errors.ts';
import type { ParseReport } from '../../../etl/parse/common/types.ts';
import type { Outcome } from './runner.ts';
import { annualTotals, checkProvenance, part2Totals, reportTotals, type Ctx } from './totals.ts';

export { numbersIn } from './totals.ts';

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
