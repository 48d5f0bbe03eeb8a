import { describe, expect, it } from 'vitest';
import { createProgress, printable } from './progress.ts';

describe('printable', () => {
	it('writes controls, escapes and bidi characters as visible escapes, Thai as it is', () => {
		expect(
			[
				'new\nline.txt',
				'cr\rtab\t.txt',
				'plan\u202etxt.exe',
				'\u001b[2Jclear.txt',
				'\u2067isolate\u2069.txt',
				'แผน ๒๕๖๘.txt'
			].map(printable)
		).toEqual([
			'new\\nline.txt',
			'cr\\rtab\\t.txt',
			'plan\\u202etxt.exe',
			'\\u001b[2Jclear.txt',
			'\\u2067isolate\\u2069.txt',
			'แผน ๒๕๖๘.txt'
		]);
	});

	it('keeps one progress line per entry whatever the name holds', () => {
		let out = '';
		const stream = {
			isTTY: false,
			write: (t: string) => (out += t)
		} as unknown as NodeJS.WriteStream;
		const progress = createProgress(stream, null);
		progress.tick('a.txt\n[2] loaded forged.txt', 'loaded');
		progress.tick('b.txt', 'loaded');
		expect(out.split('\n')).toEqual([
			'[1] loaded       a.txt\\n[2] loaded forged.txt',
			'[2] loaded       b.txt',
			''
		]);
	});
});
