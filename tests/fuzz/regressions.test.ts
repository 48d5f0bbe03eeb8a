/**
 * Failing fuzz cases, pinned (house style 8): each is the exact mutated input (a seed document and
 * its mutations; the sha256 proves the bytes are the ones that failed), parsed as the campaign
 * parses it (a worker, 2 s of CPU at most) and judged by the same oracle, plus the verdict and the
 * reasons it must give. Each one failed before the fix its name points to.
 */
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../../etl/parse/common/types.ts';
import { mutateCase, type MutationCase } from './lib/mutations.ts';
import { judge, rejectionRules } from './lib/oracle.ts';
import { ParseRunner } from './lib/runner.ts';

interface Pin {
	name: string;
	/** What went wrong before the fix. */
	was: string;
	case: MutationCase;
	sha256: string;
	verdict: Verdict;
	/** [line, rule] of every reason a quarantined document gives. */
	reasons: Array<[number | null, string]>;
}

const PINS: Pin[] = [
	{
		name: 'overlong-utf8-sequence',
		was: 'F0 80 80 80 (an overlong NUL) passed the UTF-8 check, decoded to U+FFFD and was parsed',
		case: {
			seed: 'pao-ang-thong_report-2566.txt',
			lineOps: [{ op: 'digits', at: { pool: 'any', k: 0 }, to: 'thai' }],
			byteOps: [
				{ op: 'bytes', at: 0, seq: [0xf0, 0x80, 0x80, 0x80] },
				{ op: 'truncate', at: 4 }
			]
		},
		sha256: 'ca3dff22a77ac0c606b7a246bc34931f4ae81fb15f71bd51a463847d3e3482c4',
		verdict: 'quarantined',
		reasons: [[1, 'invalid_utf8']]
	},
	{
		name: 'surrogate-in-utf8',
		was: 'ED A0 80 (a UTF-16 surrogate) passed the UTF-8 check',
		case: {
			seed: 'town-mun-phichai-lampang_annual-plan-2568.txt',
			lineOps: [],
			byteOps: [{ op: 'bytes', at: 5000, seq: [0xed, 0xa0, 0x80] }]
		},
		sha256: '5d5bbac0dedd7c7ce834513e72f657749d970cd535911bd19969f7d86043307e',
		verdict: 'quarantined',
		reasons: [[61, 'invalid_utf8']]
	},
	{
		name: 'bad-byte-in-cr-only-file',
		was: 'the line of a bad byte counted LF only: in a CR-only file it was always line 1',
		case: {
			seed: 'pao-ang-thong_report-2566.txt',
			lineOps: [],
			byteOps: [
				{ op: 'eol', style: 'cr', salt: 0 },
				{ op: 'bytes', at: 2, seq: [0xff] }
			]
		},
		sha256: '287dd0b5b70f4672e58d832d2a340984c074de3df44bd908c73232981cde8e40',
		verdict: 'quarantined',
		reasons: [[3, 'invalid_utf8']]
	},
	{
		name: 'plan-mission-continued-17000-times',
		was: 'a mission cell continued line after line was re-squashed whole each time: > 10 s',
		case: {
			seed: 'pao-samut-songkhram_plan-2566-2570.txt',
			lineOps: [{ op: 'repeat', at: { pool: 'any', k: 158 }, times: 17_000 }],
			byteOps: []
		},
		sha256: '611cf13d863ac15d71a813e68d7aab1ea57370865a5ad311e864b4b4cf13db03',
		verdict: 'accepted_with_warnings',
		reasons: []
	},
	{
		name: 'plan-matched-project-8000-times',
		was: "uniqueBestMatches rescanned a Part 3 page's column for every item pointing at it: n²",
		case: {
			seed: 'pao-samut-songkhram_plan-2566-2570.txt',
			lineOps: [{ op: 'repeat', at: { pool: 'any', k: 119 }, times: 8000 }],
			byteOps: []
		},
		sha256: '9486752e4c166f2bacbb09682d1f02e9b184a444704d1247c1823f17468086f3',
		verdict: 'accepted_with_warnings',
		reasons: []
	},
	{
		name: 'report-row-100000-times',
		was: 'a 9 MB report of one row repeated parsed for over 2 s (now refused: too_many_lines)',
		case: {
			seed: 'pao-ang-thong_report-2566.txt',
			lineOps: [{ op: 'repeat', at: { pool: 'row', k: 282489 }, times: 100_000 }],
			byteOps: []
		},
		sha256: 'e6a28803c13a44818ffe12b518a6d841e70d80de331136ed4042e5f7a0005052',
		verdict: 'quarantined',
		reasons: [[20_001, 'too_many_lines']]
	},
	{
		name: 'plan-project-100000-times',
		was: 'problems.push(...200,000 problems) overflowed the main thread’s stack (RangeError)',
		case: {
			seed: 'pao-samut-songkhram_plan-2566-2570.txt',
			lineOps: [{ op: 'repeat', at: { pool: 'any', k: 122 }, times: 100_000 }],
			byteOps: []
		},
		sha256: '1c27a41b2d3a5ab938c5bef5c1b9b09aa0f6f73c6a096f6524e693dca7f2b933',
		verdict: 'quarantined',
		reasons: [[20_001, 'too_many_lines']]
	},
	{
		name: 'report-titled-year-2999',
		was: 'a report whose title read พ.ศ. 2999 was accepted, its facts keyed to fiscal year 2999',
		case: {
			seed: 'pao-ang-thong_report-2566.txt',
			lineOps: [
				{ op: 'delete', at: { pool: 'row', k: 276796 }, count: 2 },
				{ op: 'delete', at: { pool: 'row', k: 9764 }, count: 2 },
				{ op: 'year', at: { pool: 'key', k: 534284 }, year: 2999 }
			],
			byteOps: [{ op: 'eol', style: 'crlf', salt: 0 }]
		},
		sha256: '66eae9efcf41f4dac1b34d83bf82125c325c2f544cfe90f5b9d149da9d3257a0',
		verdict: 'quarantined',
		reasons: [[1152, 'bad_year']]
	}
];

describe('pinned fuzz failures', () => {
	const runner = new ParseRunner();
	afterAll(() => runner.close());

	for (const pin of PINS) {
		it(pin.name, { timeout: 120_000 }, async () => {
			const bytes = mutateCase(pin.case);
			expect(createHash('sha256').update(bytes).digest('hex')).toBe(pin.sha256);
			const outcome = await runner.parse(bytes);
			expect(judge(bytes, outcome)).toEqual([]);
			if (outcome.type !== 'report') throw new Error(`${pin.name}: ${outcome.type}`);
			const { report } = outcome;
			const reasons = [
				...report.problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.code]),
				...report.checks.filter((c) => !c.ok && c.severity === 'error').map((c) => [c.line, c.name])
			];
			expect([report.verdict, reasons]).toEqual([pin.verdict, pin.reasons]);
			expect(rejectionRules(report)).toEqual([...new Set(pin.reasons.map(([, r]) => r))]);
		});
	}
});
