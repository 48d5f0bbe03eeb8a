import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../common/source.ts';
import { percent } from './summary-checks.ts';
import { readSummaries } from './summary.ts';

describe('percent', () => {
	it('rounds half up to two decimals, from satang (no float drift)', () => {
		expect(percent(627872, 1930000)).toBe(32.53);
		expect(percent(48, 52)).toBe(92.31);
		expect(percent(2, 3)).toBe(66.67);
		// 100.50 / 10,000 = 1.005 %: half up gives 1.01; floats (1.005 * 100 = 100.4999…) give 1.00.
		expect(percent(100.5, 10000)).toBe(1.01);
		expect([percent(0, 0), percent(5, 0)]).toEqual([0, null]);
	});
});

describe('readSummaries', () => {
	it('reads both digit systems and both wordings of อยู่ระหว่าง(การ)ดำเนินการ', () => {
		const text = [
			'➤ สรุปผลการขับเคลื่อนแผนฯ',
			'',
			'- อยู่ระหว่างการดำเนินการ ๓ โครงการ',
			'- เบิกจ่ายงบประมาณ ๖๒๗,๘๗๒.๐๐ บาท คิดเป็นร้อยละ ๓๒.๕๓',
			'ข้อเสนอแนะ',
			'สรุปผลการขับเคลื่อนแผนฯ',
			'- อยู่ระหว่างดำเนินการ 3 โครงการ'
		].join('\n');
		const src = decodeDocument(new TextEncoder().encode(text)).source!;
		const summaries = readSummaries(src);
		expect(summaries.map((s) => [s.line, s.lines, s.digits, s.fields])).toEqual([
			[
				1,
				[1, 4],
				'thai',
				{
					in_progress: { value: 3, line: 3 },
					disbursed: { value: 627872, line: 4 },
					disbursed_percent: { value: 32.53, line: 4 }
				}
			],
			[6, [6, 7], 'arabic', { in_progress: { value: 3, line: 7 } }]
		]);
	});
});
