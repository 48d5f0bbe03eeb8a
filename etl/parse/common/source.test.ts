import { describe, expect, it } from 'vitest';
import { append } from './append.ts';
import { decodeDocument, MAX_LINES } from './source.ts';

const bytes = (...parts: Array<string | number[]>) =>
	Uint8Array.from(
		parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p))
	);
const problems = (b: Uint8Array) => decodeDocument(b).problems.map((p) => [p.line, p.code]);

describe('decodeDocument: what is UTF-8', () => {
	it('accepts Thai, a 4-byte character and the highest code point', () => {
		const text = bytes('มิติ ๑\n', [0xf0, 0x9f, 0x98, 0x80], '\n', [0xf4, 0x8f, 0xbf, 0xbf]);
		expect(problems(text)).toEqual([]);
	});

	// Unicode Table 3-7: each of these decodes to U+FFFD under a lenient decoder, which used to be
	// parsed as if nothing had happened (tests/fuzz/regressions.test.ts).
	it.each([
		['an overlong 4-byte NUL', [0xf0, 0x80, 0x80, 0x80]],
		['an overlong 3-byte form', [0xe0, 0x9f, 0xbf]],
		['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
		['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
		['an overlong 2-byte form', [0xc0, 0xaf]],
		['a lone continuation byte', [0x80]],
		['a Thai character cut short', [0xe0, 0xb8]]
	])('refuses %s, at its line', (_, seq) => {
		expect(problems(bytes('ก\nข\n', seq, 'ค\n'))).toEqual([[3, 'invalid_utf8']]);
	});

	it('counts the line of a bad byte as lines are split: CR, LF and CRLF each end one', () => {
		expect(problems(bytes('a\rb\r', [0xff]))).toEqual([[3, 'invalid_utf8']]);
		expect(problems(bytes('a\r\nb\r\n', [0xff]))).toEqual([[3, 'invalid_utf8']]);
		expect(problems(bytes('a\rb\nc\r\nd', [0xff]))).toEqual([[4, 'invalid_utf8']]);
		expect(problems(bytes('a\r\rb\0'))).toEqual([[3, 'binary_document']]);
	});
});

describe('decodeDocument: how many lines', () => {
	it(`reads ${MAX_LINES} lines and refuses one more, naming the first line past the limit`, () => {
		expect(problems(bytes('x\n'.repeat(MAX_LINES)))).toEqual([]);
		expect(problems(bytes('x\n'.repeat(MAX_LINES + 1)))).toEqual([
			[MAX_LINES + 1, 'too_many_lines']
		]);
		expect(decodeDocument(bytes('x\r'.repeat(MAX_LINES + 1))).source).toBeNull();
	});
});

describe('append', () => {
	it('appends more items than a call can take as arguments', () => {
		const target = [0];
		append(target, new Array<number>(500_000).fill(1), [2]);
		expect([target.length, target[0], target[500_000], target[500_001]]).toEqual([
			500_002, 0, 1, 2
		]);
	});
});
