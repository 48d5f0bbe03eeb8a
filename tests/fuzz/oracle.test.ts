/**
 * The oracle must see what it is there to see: real reports pass it, and each kind of damage to a
 * report (a total that no longer adds up, a reason without a line, a missed bad byte...) is named
 * by its rule. Without this a fuzz campaign could pass by judging nothing.
 */
import { describe, expect, it } from 'vitest';
import type { ParseReport } from '../../etl/parse/common/types.ts';
import { parseDocument } from '../../etl/parse/index.ts';
import { firstBadUtf8, judge, lineOfByte, numbersIn } from './lib/oracle.ts';
import { seedBytes, type SeedName } from './lib/mutations.ts';
import type { Outcome } from './lib/runner.ts';

const ANNUAL: SeedName = 'town-mun-phichai-lampang_annual-plan-2568.txt';
const PLAN: SeedName = 'pao-samut-songkhram_plan-2566-2570.txt';
const REPORT: SeedName = 'pao-ang-thong_report-2566.txt';

const outcome = (report: ParseReport): Outcome => ({
	type: 'report',
	report,
	ms: 1,
	cpuMs: 1,
	retried: false
});

/** The seed's report, tampered with by `change`, judged against the seed's bytes. */
function rules(seed: SeedName, change: (r: ParseReport) => void = () => {}): string[] {
	const bytes = seedBytes(seed);
	const report = structuredClone(parseDocument(bytes));
	change(report);
	return judge(bytes, outcome(report)).map((f) => f.rule);
}

describe('the oracle on the real documents', () => {
	it('passes the three seeds as they are parsed', () => {
		expect([rules(ANNUAL), rules(PLAN), rules(REPORT)]).toEqual([[], [], []]);
	});
});

describe('the oracle sees damaged reports', () => {
	it('a declared grand total that the items do not give, and that is not on its line', () => {
		const r = rules(ANNUAL, (report) => {
			report.tables[0]!.declared.grandTotal = 190_000;
		});
		expect(r).toEqual(['total_mismatch', 'declared_not_in_text']);
	});

	it('an item budget changed: the total no longer adds up and the amount is not on its line', () => {
		const r = rules(ANNUAL, (report) => {
			report.tables[0]!.items[1]!.budget['2568'] = 6000;
		});
		expect(r).toEqual(['provenance', 'total_mismatch']);
	});

	it('a tick count that differs with no failed check to say so', () => {
		const r = rules(ANNUAL, (report) => {
			report.tables[0]!.items[0]!.quarters = [false, false, false, false];
		});
		// Item 1 is ticked in all four quarters.
		expect(r).toEqual(['silent_mismatch', 'silent_mismatch', 'silent_mismatch', 'silent_mismatch']);
	});

	it('an item whose line does not carry it', () => {
		const r = rules(ANNUAL, (report) => {
			report.tables[0]!.items[3]!.line = 1;
		});
		expect(r).toEqual(['provenance']);
	});

	it('a Part 2 grand total off with no unassigned amount to explain it', () => {
		const r = rules(PLAN, (report) => {
			report.tables[0]!.unassigned = [];
		});
		// The unassigned amounts were part of the column sum: without them each year's total is
		// further off than its failed check says, and nothing explains it any more.
		expect(r).toEqual(new Array(5).fill(['silent_mismatch', 'total_mismatch']).flat());
	});

	it('a report whose disbursed total the items do not give', () => {
		const r = rules(REPORT, (report) => {
			report.tables[0]!.items[1]!.disbursed = 7;
		});
		expect(r).toEqual(['provenance', 'total_mismatch']);
	});

	it('a reason without a line, an unknown code, a verdict the problems do not give', () => {
		const r = rules(ANNUAL, (report) => {
			report.problems.push({ line: null, severity: 'error', code: 'bad_amount', message: 'x' });
			report.problems.push({ line: 3, severity: 'warning', code: 'no_such_code', message: 'x' });
			report.problems.push({
				line: 99_999,
				severity: 'warning',
				code: 'unknown_tick',
				message: 'x'
			});
		});
		expect(r).toEqual(['unknown_code', 'line_out_of_range', 'verdict', 'unlocated_rejection']);
	});

	it('a year no plan can have, a caught parser bug', () => {
		const years = rules(ANNUAL, (report) => {
			report.fiscalYears = [9999];
		});
		const failed = rules(ANNUAL, (report) => {
			report.problems.push({ line: null, severity: 'error', code: 'parser_failed', message: 'x' });
			report.verdict = 'quarantined';
		});
		expect([years, failed]).toEqual([
			['implausible_year'],
			['parser_failed', 'unlocated_rejection']
		]);
	});

	it('timeouts and crashes', () => {
		const bytes = seedBytes(ANNUAL);
		const timeout = judge(bytes, { type: 'timeout', ms: 2500, cpuMs: null, retried: true });
		const error = { name: 'RangeError', message: 'Maximum call stack size exceeded', stack: '' };
		const crash = judge(bytes, { type: 'crash', error, ms: 3, cpuMs: 3, retried: false });
		expect([timeout.map((f) => f.rule), crash.map((f) => f.rule)]).toEqual([
			['timeout'],
			['crash']
		]);
	});
});

describe('the oracle decodes for itself', () => {
	const bad = Uint8Array.from([0x61, 0x0d, 0x62, 0x0d, 0x0a, 0x63, 0x0a, 0xed, 0xa0, 0x80]);

	it('finds the first bad byte with the platform decoder, and its line with CR, LF and CRLF', () => {
		// ED alone could still begin a character: A0 (offset 8) is the byte that makes it invalid.
		expect([firstBadUtf8(bad), lineOfByte(bad, 8)]).toEqual([8, 4]);
		expect(firstBadUtf8(Uint8Array.from([0x61, 0xe0, 0xb8]))).toBe(1);
		expect(firstBadUtf8(new TextEncoder().encode('มิติ'))).toBe(-1);
	});

	it('names a bad byte the report missed, or placed on the wrong line', () => {
		const accepted = structuredClone(parseDocument(seedBytes(ANNUAL)));
		const missed = judge(bad, outcome({ ...accepted, sha256: accepted.sha256 }));
		const wrongLine = parseDocument(bad);
		wrongLine.problems[0]!.line = 1;
		expect([
			missed.filter((f) => f.rule.startsWith('decode')).map((f) => [f.rule, f.line]),
			judge(bad, outcome(wrongLine)).map((f) => [f.rule, f.line])
		]).toEqual([[['decode_missed', 4]], [['decode_wrong_line', 4]]]);
	});

	it('reads numbers in either script, separators and invisible characters dropped', () => {
		expect(numbersIn('รวม\t๑๘๕,๐๐๐.๐๐\t3\u200b0')).toEqual([185000, 30]);
	});
});
