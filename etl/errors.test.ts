import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUES, isKnownIssue, renderCatalogue, type IssueEntry } from './errors.ts';
import { ANNUAL_ISSUES } from './parse/annual/issues.ts';
import { TABLE_ISSUES } from './parse/common/eplan-table.ts';
import { parseDocument } from './parse/index.ts';
import { REPORT_ISSUES } from './parse/report/issues.ts';

const ROOT = new URL('../', import.meta.url).pathname;

/** Every document the tests know: the real seeds and every parser sample. */
function corpus(): string[] {
	const files = readdirSync(join(ROOT, 'fixtures/seeds')).map((f) =>
		join(ROOT, 'fixtures/seeds', f)
	);
	for (const kind of ['plan', 'annual', 'report']) {
		const dir = join(ROOT, 'etl/parse', kind, 'samples');
		for (const quirk of readdirSync(dir)) {
			const input = join(dir, quirk, 'input.txt');
			if (existsSync(input)) files.push(input);
		}
	}
	return files;
}

describe('the issue catalogue', () => {
	it('lists every code and check name the parsers emit on the whole corpus', () => {
		const unknown = new Set<string>();
		let seen = 0;
		for (const file of corpus()) {
			const report = parseDocument(readFileSync(file));
			for (const p of report.problems) {
				seen++;
				if (!isKnownIssue(p.code)) unknown.add(`${p.code} (${file})`);
			}
			for (const c of report.checks) {
				seen++;
				if (!isKnownIssue(c.name)) unknown.add(`${c.name} (${file})`);
			}
		}
		expect([...unknown]).toEqual([]);
		expect(seen).toBeGreaterThan(300);
	});

	it('agrees with the severities of the parsers’ own tables', () => {
		const catalogue = ISSUES as Record<string, IssueEntry>;
		const disagreements = Object.entries({ ...TABLE_ISSUES, ...ANNUAL_ISSUES, ...REPORT_ISSUES })
			.filter(
				([code, [severity]]) =>
					catalogue[code]?.severity !== severity && catalogue[code]?.severity !== 'varies'
			)
			.map(([code]) => code);
		expect(disagreements).toEqual([]);
	});

	it('is the table the README shows', () => {
		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
		const m = /<!-- issue-catalogue:start -->\n([\s\S]*?)\n<!-- issue-catalogue:end -->/.exec(
			readme
		);
		expect(m?.[1]).toBe(renderCatalogue());
	});
});

describe('the catalogue and the sources', () => {
	it('lists every code the sources can record', async () => {
		const { SOURCE_MESSAGES } = await import('./sources/messages.ts');
		const codes = new Set(
			Object.values(SOURCE_MESSAGES as Record<string, { code: string }>).map((m) => m.code)
		);
		expect([...codes].filter((c) => !isKnownIssue(c))).toEqual([]);
	});
});
