import { describe, expect, it } from 'vitest';
import { buildStatusStackOption } from './build-status-stack-option.ts';
import { STATUS_COLORS } from './labels.ts';
import { tooltipFormatter } from './test-helpers.ts';

const ROWS = [
	{ key: 'd1', label: 'มิติที่ 1', pending: 1, in_progress: 1, done: 2, not_done: 0 },
	{ key: 'd2', label: 'มิติที่ 2', pending: 0, in_progress: 0, done: 0, not_done: 0 }
];

describe('buildStatusStackOption', () => {
	it('stacks the four statuses as shares of each row, Thai names', () => {
		const option = buildStatusStackOption(ROWS, { locale: 'th' });
		expect(option.series).toEqual([
			{
				id: 'pending',
				type: 'bar',
				stack: 'status',
				name: 'รอรายงาน',
				itemStyle: { color: STATUS_COLORS.pending },
				data: [
					{ id: 'd1', value: 25 },
					{ id: 'd2', value: null }
				]
			},
			{
				id: 'in_progress',
				type: 'bar',
				stack: 'status',
				name: 'อยู่ระหว่างดำเนินการ',
				itemStyle: { color: STATUS_COLORS.in_progress },
				data: [
					{ id: 'd1', value: 25 },
					{ id: 'd2', value: null }
				]
			},
			{
				id: 'done',
				type: 'bar',
				stack: 'status',
				name: 'ดำเนินการแล้วเสร็จ',
				itemStyle: { color: STATUS_COLORS.done },
				data: [
					{ id: 'd1', value: 50 },
					{ id: 'd2', value: null }
				]
			},
			{
				id: 'not_done',
				type: 'bar',
				stack: 'status',
				name: 'ไม่สามารถดำเนินการได้',
				itemStyle: { color: STATUS_COLORS.not_done },
				data: [
					{ id: 'd1', value: 0 },
					{ id: 'd2', value: null }
				]
			}
		]);
		expect([option.xAxis, option.yAxis]).toMatchObject([
			{ type: 'value', min: 0, max: 100 },
			{ type: 'category', inverse: true, data: ['มิติที่ 1', 'มิติที่ 2'] }
		]);
		expect(option.aria).toEqual({
			enabled: true,
			label: { enabled: true, description: 'สัดส่วนตามสถานะ: มิติที่ 1, มิติที่ 2' }
		});
	});

	it('lists counts and shares in the tooltip, in English too', () => {
		const en = buildStatusStackOption(ROWS, { locale: 'en' });
		expect((en.series as { name: string }[]).map((s) => s.name)).toEqual([
			'Pending',
			'In progress',
			'Done',
			'Could not be done'
		]);
		expect(tooltipFormatter(en)([{ dataIndex: 0 }])).toBe(
			'มิติที่ 1<br>Pending: 1 (25.0%)<br>In progress: 1 (25.0%)<br>Done: 2 (50.0%)<br>Could not be done: 0 (0.0%)'
		);
		const th = buildStatusStackOption(ROWS, { locale: 'th', digits: 'thai' });
		expect(tooltipFormatter(th)([{ dataIndex: 1 }])).toBe(
			'มิติที่ 2<br>รอรายงาน: ๐<br>อยู่ระหว่างดำเนินการ: ๐<br>ดำเนินการแล้วเสร็จ: ๐<br>ไม่สามารถดำเนินการได้: ๐'
		);
	});
});
