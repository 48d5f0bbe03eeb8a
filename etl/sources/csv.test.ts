import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';

describe('parseCsv', () => {
	it('reads quoted commas, escaped quotes and CRLF', () => {
		const text = 'url,note\r\n"http://a/x?y=1,2","he said ""แผน ๒๕๖๘"""\r\nhttp://b,plain\r\n';
		expect(parseCsv(text)).toEqual({
			rows: [
				['url', 'note'],
				['http://a/x?y=1,2', 'he said "แผน ๒๕๖๘"'],
				['http://b', 'plain']
			],
			lines: [1, 2, 3],
			errors: []
		});
	});

	it('keeps line breaks inside quotes and counts them in later lines', () => {
		const text = 'a,b\n"one\r\ntwo\nthree",x\n\nlast,y';
		expect(parseCsv(text)).toEqual({
			rows: [
				['a', 'b'],
				['one\r\ntwo\nthree', 'x'],
				['last', 'y']
			],
			lines: [1, 2, 6],
			errors: []
		});
	});

	it('drops a BOM, skips blank lines, keeps empty fields and spaces', () => {
		expect(parseCsv('\ufeffa, b ,\n\n,\r\n""\n')).toEqual({
			rows: [['a', ' b ', ''], ['', ''], ['']],
			lines: [1, 3, 4],
			errors: []
		});
	});

	it('reads a lone CR as a line break', () => {
		expect(parseCsv('a\rb\r')).toEqual({ rows: [['a'], ['b']], lines: [1, 2], errors: [] });
	});

	it('reports malformed records by line and leaves them out', () => {
		const text = 'h1,h2\nab"c,1\n"ok",2\n"x"y,3\nfine,4\n"never closed,5\nlost,6';
		expect(parseCsv(text)).toEqual({
			rows: [
				['h1', 'h2'],
				['ok', '2'],
				['fine', '4']
			],
			lines: [1, 3, 5],
			errors: [
				{ line: 2, message: 'a quote inside an unquoted field' },
				{ line: 4, message: 'text after a closing quote' },
				{ line: 6, message: 'a quoted field is never closed' }
			]
		});
	});

	it('round-trips any table written with RFC 4180 quoting (property)', () => {
		const cell = fc.string({ unit: fc.constantFrom('a', 'ก', ',', '"', '\n', '\r\n', ' ', '๑') });
		const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1 });
		fc.assert(
			fc.property(table, (rows) => {
				const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
				const text = rows.map((r) => r.map(quote).join(',')).join('\r\n');
				expect(parseCsv(text).rows).toEqual(rows);
			})
		);
	});
});
