import { describe, expect, it } from 'vitest';
import type { ParseReport } from '../parse/common/types.ts';
import { LoadError } from './load-error.ts';
import { asText, fiscalYear, money, quarantineRows, reportItemRow } from './rows.ts';

const base = { loadRunId: 1, sourceDocumentId: 2, isSynthetic: false };
const ctx = { ...base, origin: 'a.txt', sha256: 'f'.repeat(64) };

function report(fields: Partial<ParseReport>): ParseReport {
	return {
		sha256: ctx.sha256,
		parser: 'sujarit-parse/1',
		kind: 'annual_plan',
		verdict: 'quarantined',
		lao: null,
		fiscalYears: [2568],
		asOf: null,
		title: null,
		lineCount: 10,
		tables: [],
		checks: [],
		problems: [],
		...fields
	};
}

describe('money', () => {
	it('writes baht with two decimals, whatever float the sum carries', () => {
		expect([money(0, 1), money(5000, 1), money(0.1 + 0.2, 1), money(null, 1)]).toEqual([
			'0.00',
			'5000.00',
			'0.30',
			null
		]);
	});

	it('refuses what is not an amount, naming the line', () => {
		expect(() => money(Number.NaN, 42)).toThrow(LoadError);
		expect(() => money(Number.POSITIVE_INFINITY, 42)).toThrow(
			/^line 42: Infinity is not an amount$/
		);
	});
});

describe('fiscalYear', () => {
	it('accepts BE years and refuses CE ones', () => {
		expect(fiscalYear('2568', 1)).toBe(2568);
		expect(() => fiscalYear('2025', 7)).toThrow(
			'line 7: budget key "2025" is not a BE fiscal year'
		);
	});
});

describe('reportItemRow', () => {
	it('takes the year from the item when the table has none', () => {
		const row = reportItemRow(
			{
				ordinal: 1,
				dimension: 2,
				name: 'มาตรการ',
				itemKind: 'measure',
				budget: { '2566': 1500.5 },
				quarters: null,
				status: 'not_done',
				disbursed: 0,
				line: 9
			},
			{ role: 'report', fiscalYear: null, lines: [1, 20], items: [], unassigned: [], declared: {} },
			3,
			'2150101',
			base
		);
		expect([row.fiscalYear, row.budget, row.disbursed, row.status, row.sourceLine]).toEqual([
			2566,
			'1500.50',
			'0.00',
			'not_done',
			9
		]);
	});
});

describe('quarantineRows', () => {
	it('writes one row per error problem and failed error check, skipping warnings', () => {
		const rows = quarantineRows(
			report({
				problems: [
					{ line: 3, severity: 'error', code: 'no_table', message: 'No table.' },
					{ line: 4, severity: 'warning', code: 'as_of_missing', message: 'No date.' }
				],
				checks: [
					{
						name: 'total',
						fiscalYear: null,
						declared: 'ก',
						computed: null,
						ok: false,
						line: null,
						severity: 'error',
						detail: 'thai vs arabic'
					},
					{
						name: 'count',
						fiscalYear: 2568,
						declared: 1,
						computed: 2,
						ok: false,
						line: 8,
						severity: 'warning'
					}
				]
			}),
			ctx
		);
		expect(rows.map((r) => [r.sourceLine, r.rule, r.expected, r.found, r.message])).toEqual([
			[3, 'no_table', null, null, 'No table.'],
			[null, 'total', 'ก', null, 'total: declared ก ≠ computed null (thai vs arabic)']
		]);
	});

	it('still says something when the verdict names no error', () => {
		expect(quarantineRows(report({}), ctx).map((r) => r.rule)).toEqual([
			'quarantined_without_error'
		]);
	});
});

describe('asText', () => {
	it('keeps strings and writes the rest as JSON', () => {
		expect([asText('x'), asText(5), asText([1, 2]), asText(undefined)]).toEqual([
			'x',
			'5',
			'[1,2]',
			null
		]);
	});
});
