import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, csvField, neutralise, parseCsv, toCsv } from './csv.ts';

const SEED = 20250607;
/**
 * The oracle, written apart from csv.ts: what a lenient importer may run. It drops leading
 * whitespace and NUL (trimming importers), then looks for a formula trigger; TAB, CR and NUL
 * count as triggers in first place (OWASP, ASVS 1.2.10).
 */
function runsAsFormula(cell: string): boolean {
	if (['\t', '\r', '\u0000'].includes(cell.charAt(0))) return true;
	// eslint-disable-next-line no-control-regex -- NUL is what it drops
	const trimmed = cell.replace(/^[\s\u0000]+/u, '');
	return ['=', '+', '-', '@', '＝', '＋', '－', '＠'].includes(trimmed.charAt(0));
}

describe('csvField', () => {
	it('writes numbers plain, null empty, booleans as words', () => {
		expect([csvField(1930000), csvField(627872.5), csvField(-3), csvField(0)]).toEqual([
			'1930000',
			'627872.5',
			'-3',
			'0'
		]);
		expect([csvField(null), csvField(undefined), csvField(true), csvField(false)]).toEqual([
			'',
			'',
			'true',
			'false'
		]);
		expect(() => csvField(Number.NaN)).toThrow('NaN is not a finite number');
	});

	it('quotes commas, quotes and line breaks, doubling quotes (RFC 4180)', () => {
		expect(csvField('โครงการ "ใสสะอาด", ปี 2568')).toBe('"โครงการ ""ใสสะอาด"", ปี 2568"');
		expect(csvField('a\nb')).toBe('"a\nb"');
		expect(csvField('plain ไทย')).toBe('plain ไทย');
	});

	it('makes formula starts inert with a single quote, full-width forms included', () => {
		expect(
			['=1+1', '+66', '-5', '@SUM(A1)', '\tx', '\rx', '＝1', '＋1', '－1', '＠a', "'=x", 'a=b'].map(
				neutralise
			)
		).toEqual([
			"'=1+1",
			"'+66",
			"'-5",
			"'@SUM(A1)",
			"'\tx",
			"'\rx",
			"'＝1",
			"'＋1",
			"'－1",
			"'＠a",
			"'=x",
			'a=b'
		]);
		// After leading whitespace (a trimming importer), and NUL (ASVS 1.2.10).
		expect(
			[' =1+1', '\u00a0-5', '\u3000@x', '\n+1', '\u0000x', '\u0000=1', '  x', ' a=b'].map(
				neutralise
			)
		).toEqual([
			"' =1+1",
			"'\u00a0-5",
			"'\u3000@x",
			"'\n+1",
			"'\u0000x",
			"'\u0000=1",
			'  x',
			' a=b'
		]);
		expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
		expect(csvField('\rcmd')).toBe('"\'\rcmd"');
	});
});

describe('toCsv', () => {
	it('starts with a BOM and ends every line with CRLF', () => {
		expect(
			toCsv(
				['ชื่อ', 'budget'],
				[
					['ก', 1],
					[null, 2.5]
				]
			)
		).toBe(`${BOM}ชื่อ,budget\r\nก,1\r\n,2.5\r\n`);
	});

	it('round-trips any string through an RFC 4180 reader, and no cell starts with a formula', () => {
		const cell = fc.oneof(
			fc.string({ unit: 'grapheme' }),
			fc.string({
				unit: fc.constantFrom(
					'=',
					'+',
					'-',
					'@',
					'\t',
					'\r',
					'\n',
					'"',
					',',
					'＝',
					'＠',
					'ก',
					'a',
					' ',
					'\u00a0',
					'\u3000',
					'\u0000'
				)
			}),
			fc.string()
		);
		fc.assert(
			fc.property(
				fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 5 }),
				(rows) => {
					const width = Math.max(1, ...rows.map((r) => r.length));
					const padded = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('x')]);
					const header = Array.from({ length: width }, (_, i) => `c${i}`);
					const parsed = parseCsv(toCsv(header, padded));
					expect(parsed).toEqual([header, ...padded.map((r) => r.map(neutralise))]);
					for (const row of parsed)
						for (const value of row) expect(runsAsFormula(value)).toBe(false);
					// Nothing is lost: the quote prefix is the only change.
					parsed.slice(1).forEach((row, r) =>
						row.forEach((value, c) => {
							const original = padded[r]![c]!;
							expect(runsAsFormula(original) ? value.slice(1) : value).toBe(original);
						})
					);
				}
			),
			{ seed: SEED, numRuns: 300 }
		);
	});
});

describe('parseCsv', () => {
	it('reads quoted fields with CRLF inside them', () => {
		expect(parseCsv('a,"b\r\nc"\r\n"""",\r\n')).toEqual([
			['a', 'b\r\nc'],
			['"', '']
		]);
	});
});
