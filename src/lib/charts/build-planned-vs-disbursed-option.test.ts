import { describe, expect, it } from 'vitest';
import {
	buildPlannedVsDisbursedOption,
	DISBURSED_COLOR,
	PLANNED_COLOR
} from './build-planned-vs-disbursed-option.ts';
import { axisFormatter, tooltipFormatter } from './test-helpers.ts';

const ROWS = [
	{ fiscalYear: 2568, planned: 2_500_000, disbursed: 1_200_000.5 },
	{ fiscalYear: 2567, planned: 800_000, disbursed: 800_000 }
];

describe('buildPlannedVsDisbursedOption', () => {
	it('groups planned and disbursed bars by BE fiscal year, ascending', () => {
		const option = buildPlannedVsDisbursedOption(ROWS, { locale: 'th' });
		expect(option.series).toEqual([
			{
				id: 'planned',
				type: 'bar',
				name: 'งบประมาณตามแผน',
				itemStyle: { color: PLANNED_COLOR },
				data: [
					{ id: '2567', value: 800_000 },
					{ id: '2568', value: 2_500_000 }
				]
			},
			{
				id: 'disbursed',
				type: 'bar',
				name: 'เบิกจ่าย',
				itemStyle: { color: DISBURSED_COLOR },
				data: [
					{ id: '2567', value: 800_000 },
					{ id: '2568', value: 1_200_000.5 }
				]
			}
		]);
		expect(option.xAxis).toEqual({
			type: 'category',
			name: 'ปีงบประมาณ (พ.ศ.)',
			nameLocation: 'middle',
			nameGap: 28,
			data: ['2567', '2568']
		});
		expect(option.aria).toMatchObject({ enabled: true });
	});

	it('writes BE years and baht in Thai digits or English', () => {
		const th = buildPlannedVsDisbursedOption(ROWS, { locale: 'th', digits: 'thai' });
		expect((th.xAxis as { data: string[] }).data).toEqual(['๒๕๖๗', '๒๕๖๘']);
		expect(tooltipFormatter(th)([{ dataIndex: 1 }, { dataIndex: 1 }])).toBe(
			'ปีงบประมาณ (พ.ศ.) ๒๕๖๘<br>งบประมาณตามแผน: ๒,๕๐๐,๐๐๐.๐๐ บาท<br>เบิกจ่าย: ๑,๒๐๐,๐๐๐.๕๐ บาท'
		);
		expect([2_500_000, 800_000, 0].map(axisFormatter(th.yAxis))).toEqual([
			'๒.๕ ล้าน',
			'๘๐๐ พัน',
			'๐'
		]);
		const en = buildPlannedVsDisbursedOption(ROWS, { locale: 'en' });
		expect(tooltipFormatter(en)([{ dataIndex: 0 }])).toBe(
			'Fiscal year (BE) 2567<br>Planned: 800,000.00 baht<br>Disbursed: 800,000.00 baht'
		);
		expect(axisFormatter(en.yAxis)(2_500_000)).toBe('2.5M');
	});

	it('throws on a CE year, a caller bug', () => {
		expect(() =>
			buildPlannedVsDisbursedOption([{ fiscalYear: 2025, planned: 1, disbursed: 1 }], {
				locale: 'en'
			})
		).toThrow('fiscal year must be BE (e.g. 2568), got 2025');
	});
});
