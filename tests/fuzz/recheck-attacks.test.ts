/**
 * The four patterns recheck called polynomial (bench/recheck.ts, bench/results/recheck.json),
 * pinned through the functions that use them, on recheck's own attack strings grown to 100,000
 * and 200,000 characters. Each took seconds before its fix (measured on the old patterns:
 * 6.5 s, 0.64 s, 5.9 s and 0.85 s at 100,000 characters) and gives the same answer after it.
 * The bound is loose on purpose (1 s for 200,000 characters, on a loaded 2-core CI machine):
 * quadratic time would need 4× the 100,000-character figure, and the figures are printed.
 */
import { describe, expect, it } from 'vitest';
import { readTitle } from '../../etl/parse/common/eplan-table.ts';
import { mentionsInLine } from '../../etl/parse/common/lao-mention.ts';
import { pageName } from '../../etl/parse/common/project-pages.ts';
import { readSummaries } from '../../etl/parse/report/summary.ts';

const HEADING = '➤ สรุปผลการขับเคลื่อนแผนฯ';
const repeatTo = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length));

const ATTACKS: Array<{
	name: string;
	line: (n: number) => string;
	run: (line: string) => unknown;
	expected: unknown;
}> = [
	{
		// Not reachable through readTitle (squash() makes the run one space first); the pattern is
		// fixed all the same, as a pattern others may reuse.
		name: 'annual title: a run of tabs before a U+2028 (ANNUAL_TITLE, eplan-table.ts)',
		line: (n) => `แผนปฏิบัติการป้องกันการทุจริตพ.ศ.2568ของ${repeatTo('\t', n)}0000ของ\u2028ข`,
		// squash() turns the tabs and the U+2028 into single spaces: a title with a long name.
		run: (line) => readTitle(line, 1, 'annual')?.fiscalYear ?? null,
		expected: 2568
	},
	{
		name: 'LAO mentions: a prefix repeated through one run of Thai letters (lao-mention.ts)',
		line: (n) => `ั${repeatTo('องค์การบริหารส่วนจังหวัด', n)}\u0000`,
		run: (line) => mentionsInLine(line, 1),
		expected: []
	},
	{
		name: 'project page name: "1." then a run of tabs before a U+2028 (project-pages.ts)',
		line: (n) => `1.${repeatTo('\t\t', n)}.\t1\u2028.`,
		run: (line) => pageName(line),
		expected: null
	},
	{
		name: 'report summary: ไปปฏิบัติระดับ repeated without a space (summary.ts)',
		line: (n) => `${repeatTo('้อยละ.ไปปฏิบัติระดับ.', n)}้อยละ.ไปปฏิบัติ\tระดับไร้อยละ.`,
		// Under the summary's heading, where its field patterns are tried on every line.
		run: (line) => readSummaries({ lines: [HEADING, line], byteLength: line.length }).length,
		expected: 1
	}
];

describe('recheck attacks stay linear', () => {
	for (const attack of ATTACKS) {
		it(attack.name, () => {
			const ms: number[] = [];
			for (const n of [100_000, 200_000]) {
				const line = attack.line(n);
				const t0 = performance.now();
				const answer = attack.run(line);
				ms.push(Math.round(performance.now() - t0));
				expect(answer).toEqual(attack.expected);
			}
			console.log(`${attack.name}: ${ms[0]} ms at 100k, ${ms[1]} ms at 200k characters`);
			expect(ms[1]).toBeLessThan(1000);
		});
	}
});
