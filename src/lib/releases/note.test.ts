import { describe, expect, it } from 'vitest';
import { NOTE_MAX, parseNote } from './note.ts';
import { parseVersion } from './version.ts';

describe('parseNote', () => {
	it('keeps plain text as typed: line breaks normalised, ends trimmed, markup left as text', () => {
		expect(
			[' ฉบับแรก\r\nบรรทัดสอง\r', '<b>ตัวหนา</b> & "quotes"', '', null, undefined].map(parseNote)
		).toEqual([
			{ ok: true, note: 'ฉบับแรก\nบรรทัดสอง' },
			{ ok: true, note: '<b>ตัวหนา</b> & "quotes"' },
			{ ok: true, note: '' },
			{ ok: true, note: '' },
			{ ok: true, note: '' }
		]);
	});

	it('counts code points, allows exactly NOTE_MAX, refuses one more', () => {
		// ก้ is two code points (ก + mai tho): 1,000 of them are 2,000 characters.
		expect([
			parseNote('ก้'.repeat(1000)),
			parseNote(`${'ก'.repeat(NOTE_MAX)}x`),
			parseNote('😀'.repeat(NOTE_MAX))
		]).toEqual([
			{ ok: true, note: 'ก้'.repeat(1000) },
			{ ok: false, code: 'too_long', length: 2001 },
			{ ok: true, note: '😀'.repeat(NOTE_MAX) }
		]);
	});

	it('refuses control characters other than tab and newline, and what is not text', () => {
		expect([
			parseNote('a\tb\nc'),
			parseNote('a\u0000b'),
			parseNote('a\u001bb'),
			parseNote('a\u0085b'),
			parseNote(42),
			parseNote(new File(['x'], 'x.txt'))
		]).toEqual([
			{ ok: true, note: 'a\tb\nc' },
			{ ok: false, code: 'control_characters', length: 3 },
			{ ok: false, code: 'control_characters', length: 3 },
			{ ok: false, code: 'control_characters', length: 3 },
			{ ok: false, code: 'not_text', length: 0 },
			{ ok: false, code: 'not_text', length: 0 }
		]);
	});
});

describe('parseVersion', () => {
	it('reads whole numbers from 1 in ASCII digits, nothing else', () => {
		const cases = [
			'1',
			'42',
			'999999999',
			'0',
			'01',
			'-1',
			'1.0',
			'1e3',
			'๓',
			' 3',
			'3 ',
			'',
			'1000000000'
		];
		expect(cases.map(parseVersion)).toEqual([
			1,
			42,
			999999999,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null
		]);
	});
});
