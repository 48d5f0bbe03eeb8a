import type { BarSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { buildCompletionBarOption, COMPLETION_COLOR } from './build-completion-bar-option.ts';
import { axisFormatter, tooltipFormatter } from './test-helpers.ts';

const ROWS = [
	{ key: '16', label: 'ลพบุรี', done: 1, reported: 2 },
	{ key: '17', label: 'สิงห์บุรี', done: 3, reported: 4 },
	{ key: '18', label: 'ชัยนาท', done: 0, reported: 0 }
];

describe('buildCompletionBarOption', () => {
	it('draws done / reported as percentages, keyed, in row order', () => {
		const option = buildCompletionBarOption(ROWS, { locale: 'th' });
		expect(option.series).toEqual([
			{
				id: 'completion',
				type: 'bar',
				name: 'อัตราความสำเร็จ',
				itemStyle: { color: COMPLETION_COLOR },
				data: [
					{ id: '16', value: 50 },
					{ id: '17', value: 75 },
					{ id: '18', value: null }
				]
			}
		] satisfies BarSeriesOption[]);
		expect(option.yAxis).toEqual({
			type: 'category',
			inverse: true,
			data: ['ลพบุรี', 'สิงห์บุรี', 'ชัยนาท']
		});
		expect(option.aria).toEqual({
			enabled: true,
			label: { enabled: true, description: 'อัตราความสำเร็จ: ลพบุรี, สิงห์บุรี, ชัยนาท' }
		});
	});

	it('puts the counts in the tooltip, in Thai or English, with either digits', () => {
		const th = tooltipFormatter(buildCompletionBarOption(ROWS, { locale: 'th', digits: 'thai' }));
		const en = tooltipFormatter(buildCompletionBarOption(ROWS, { locale: 'en' }));
		expect([0, 1, 2].map((dataIndex) => th({ dataIndex }))).toEqual([
			'ลพบุรี: ๕๐.๐% (แล้วเสร็จ ๑ จาก ๒ รายการที่รายงาน)',
			'สิงห์บุรี: ๗๕.๐% (แล้วเสร็จ ๓ จาก ๔ รายการที่รายงาน)',
			'ชัยนาท: ยังไม่มีรายงาน'
		]);
		expect(en({ dataIndex: 1 })).toBe('สิงห์บุรี: 75.0% (3 done of 4 reported)');
		expect(buildCompletionBarOption(ROWS, { locale: 'en' }).series).toMatchObject([
			{ name: 'Completion rate' }
		]);
	});

	it('labels the 0–100 axis in percent', () => {
		const option = buildCompletionBarOption(ROWS, { locale: 'th', digits: 'thai' });
		expect(option.xAxis).toMatchObject({ type: 'value', min: 0, max: 100 });
		expect(axisFormatter(option.xAxis)(25)).toBe('๒๕%');
	});
});
