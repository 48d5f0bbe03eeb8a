/**
 * Campaign 2 in CI: every regular expression of etl/ and src/ (found by parsing the sources,
 * tests/fuzz/lib/regex-inventory.ts) timed on inputs built from its own quantifiers and
 * characters, 1k to 100k characters (none over 100 ms); every parser entry point on 100,000-
 * character adversarial lines (none over 200 ms, and four times the input at most 8× the time).
 * `recheck` is not installed; see timing.ts for how this stands in for it. `npm run bench:regex`
 * prints the figures and writes bench/results/regex.json.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { inventory } from './lib/regex-inventory.ts';
import { TimingRunner, timeEntryPoints, timeRegexes } from './lib/timing.ts';

describe('regular expressions', () => {
	const runner = new TimingRunner();
	afterAll(() => runner.close());

	it('are all found, constructed ones evaluated (none built from values nobody can see)', () => {
		const inv = inventory();
		expect(inv.unresolved).toEqual([]);
		// Evaluated, not only found: ocr.ts builds HEADER_CELL from its VARIANT constant.
		const headerCell = inv.regexes.find((r) => r.file === 'etl/text/ocr.ts' && r.line === 14);
		expect(headerCell?.source).toBe('^(?:มิติ|มิตี|มิดิ|มีติ|มติ)$');
		// .svelte scripts are read too (the message templates of four pages).
		const svelte = inv.regexes.filter((r) => r.file.endsWith('.svelte')).map((r) => r.source);
		expect(svelte.length >= 4 && svelte.every((s) => s === '\\{(\\w+)\\}')).toBe(true);
		expect(inv.regexes.length).toBeGreaterThan(150);
	});

	it('none backtracks: under 100 ms on its own adversarial inputs up to 100,000 characters', async () => {
		const { figures } = await timeRegexes(runner);
		const flagged = figures.filter((f) => f.flagged).map((f) => [f.pattern, f.at[0], f.worst]);
		expect(flagged).toEqual([]);
	});
});

describe('parser entry points on adversarial lines', () => {
	const runner = new TimingRunner();
	afterAll(() => runner.close());

	it('each under 200 ms at 100,000 characters, and at most 8× the time for four times the input', async () => {
		const figures = await timeEntryPoints(runner);
		const flagged = figures.filter((f) => f.flagged).map((f) => [f.entry, f.why, f.worst]);
		expect(flagged).toEqual([]);
		expect(figures.length).toBe(35);
	});
});
