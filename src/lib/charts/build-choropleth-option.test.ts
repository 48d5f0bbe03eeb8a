import type { CustomSeriesOption, CustomSeriesRenderItem, ScatterSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import {
	buildChoroplethOption,
	NO_DATA_COLOR,
	SCALE_COLORS,
	type ChoroplethOptions
} from './build-choropleth-option.ts';
import { PROVINCE_TILES } from '../map/tiles.ts';
import { tooltipFormatter } from './test-helpers.ts';

const ROWS = [
	{ code: '10', value: 5 },
	{ code: '50', value: 2 },
	{ code: 'TH-96', value: null },
	{ code: '99', value: 7 } // not a province: ignored
];
const OPTS: ChoroplethOptions = { locale: 'th', metric: { th: 'จำนวนแผน', en: 'Plans' } };

function tiles(option: ReturnType<typeof buildChoroplethOption>) {
	return (option.series as [CustomSeriesOption, ScatterSeriesOption?])[0];
}

describe('buildChoroplethOption', () => {
	it('draws all 77 tiles, the given provinces at their cells with their values', () => {
		const option = buildChoroplethOption(ROWS, OPTS);
		const data = tiles(option).data as { id: string; name: string; value: unknown[] }[];
		expect(data).toHaveLength(77);
		expect(data.filter((d) => ['10', '50', '96'].includes(d.id))).toEqual([
			{ id: '50', name: 'เชียงใหม่', value: [2, 1, 2] },
			{ id: '10', name: 'กรุงเทพมหานคร', value: [4, 8, 5] },
			{ id: '96', name: 'นราธิวาส', value: [4, 16, null] }
		]);
		expect(data.filter((d) => d.value[2] !== null).map((d) => d.id)).toEqual(['50', '10']);
	});

	it('scales colour over the data extent, with aria on and hidden square axes', () => {
		const option = buildChoroplethOption(ROWS, OPTS);
		expect(option.visualMap).toEqual({
			type: 'continuous',
			seriesIndex: 0,
			dimension: 2,
			min: 2,
			max: 5,
			calculable: true,
			right: 8,
			bottom: 8,
			text: ['5', '2'],
			inRange: { color: SCALE_COLORS }
		});
		expect(option.aria).toEqual({
			enabled: true,
			label: { enabled: true, description: 'แผนที่จังหวัด: จำนวนแผน, 2 จังหวัดมีข้อมูล.' }
		});
		expect([option.xAxis, option.yAxis]).toEqual([
			{ type: 'value', min: -0.5, max: 10.5, show: false },
			{ type: 'value', min: -0.5, max: 16.5, inverse: true, show: false }
		]);
		expect(option.series).toHaveLength(1);
	});

	it('reads "name: value" in the tooltip, in Thai or English, no data in grey words', () => {
		const th = tooltipFormatter(buildChoroplethOption(ROWS, { ...OPTS, digits: 'thai' }));
		const en = tooltipFormatter(buildChoroplethOption(ROWS, { ...OPTS, locale: 'en' }));
		const at = (code: string) => ({
			seriesId: 'provinces',
			dataIndex: (tiles(buildChoroplethOption(ROWS, OPTS)).data as { id: string }[]).findIndex(
				(d) => d.id === code
			)
		});
		expect([
			th({ ...at('10'), name: 'กรุงเทพมหานคร' }),
			th({ ...at('96'), name: 'นราธิวาส' }),
			en({ ...at('10'), name: 'Bangkok' }),
			en({ ...at('57'), name: 'Chiang Rai' })
		]).toEqual(['กรุงเทพมหานคร: ๕', 'นราธิวาส: ไม่มีข้อมูล', 'Bangkok: 5', 'Chiang Rai: no data']);
	});

	it('formats percent and baht metrics', () => {
		const pct = buildChoroplethOption([{ code: '10', value: 62.5 }], {
			...OPTS,
			format: 'percent',
			min: 0,
			max: 100
		});
		expect((pct.visualMap as { text: string[] }).text).toEqual(['100.0%', '0.0%']);
		const baht = buildChoroplethOption([{ code: '10', value: 1500 }], { ...OPTS, format: 'baht' });
		const dataIndex = PROVINCE_TILES.findIndex((t) => t.code === '10');
		expect(tooltipFormatter(baht)({ seriesId: 'provinces', dataIndex, name: 'x' })).toBe(
			'x: 1,500.00'
		);
	});

	it('renders a square tile, outlines the selected province, greys no data', () => {
		const option = buildChoroplethOption(ROWS, { ...OPTS, selected: 'TH-10' });
		const render = tiles(option).renderItem as CustomSeriesRenderItem;
		const api = {
			coord: ([x, y]: number[]) => [x! * 50, y! * 25],
			size: () => [50, 25],
			visual: () => '#3182bd'
		};
		const draw = (code: string) => {
			const dataIndex = (tiles(option).data as { id: string }[]).findIndex((d) => d.id === code);
			type Rect = { shape: unknown; style: { fill: string; stroke: string; lineWidth: number } };
			type Text = { style: { text: string; fontSize: number } };
			const g = render({ dataIndex } as never, api as never) as unknown as {
				children: [Rect, Text];
			};
			return [g.children[0].shape, g.children[0].style, g.children[1].style.text];
		};
		expect(draw('10')).toEqual([
			{ x: 200 - 11.5, y: 200 - 11.5, width: 23, height: 23, r: 2 },
			{ fill: '#3182bd', stroke: '#111111', lineWidth: 3 },
			'กทม'
		]);
		expect(draw('96')[1]).toEqual({ fill: NO_DATA_COLOR, stroke: '#ffffff', lineWidth: 1 });
		expect(draw('57')[1]).toEqual({ fill: NO_DATA_COLOR, stroke: '#ffffff', lineWidth: 1 });
	});

	it('labels tiles in English on the English map', () => {
		const option = buildChoroplethOption(ROWS, { ...OPTS, locale: 'en' });
		const render = tiles(option).renderItem as CustomSeriesRenderItem;
		const api = { coord: () => [0, 0], size: () => [10, 10], visual: () => '#000' };
		const g = render({ dataIndex: 0 } as never, api as never) as unknown as {
			children: [unknown, { style: { text: string } }];
		};
		expect(g.children[1].style.text).toBe('CRI');
	});

	it('overlays LAO points inside their province tiles', () => {
		const option = buildChoroplethOption(ROWS, {
			...OPTS,
			points: [
				{
					key: '5100101',
					label: 'อบจ.เชียงใหม่',
					lat: 18.8,
					lon: 98.7,
					provinceCode: '50',
					value: 3
				},
				{ key: 'bkk', label: 'กทม.', lat: 13.78, lon: 100.63 },
				{ key: 'bad', label: 'x', lat: 13, lon: 100, provinceCode: '99' }
			]
		});
		const points = (option.series as [unknown, ScatterSeriesOption])[1];
		expect([points.id, points.type, points.data]).toEqual([
			'laos',
			'scatter',
			[
				{ id: '5100101', name: 'อบจ.เชียงใหม่', value: [2, 1, 3] },
				{ id: 'bkk', name: 'กทม.', value: [4, 8, '-'], itemStyle: { color: '#d9d9d9' } }
			]
		]);
		// The colour scale covers the points too; a point without data says so.
		expect((option.visualMap as { seriesIndex: number[] }).seriesIndex).toEqual([0, 1]);
		expect([
			tooltipFormatter(option)({ seriesId: 'laos', dataIndex: 0, name: 'a<b' }),
			tooltipFormatter(option)({ seriesId: 'laos', dataIndex: 1, name: 'กทม.' })
		]).toEqual(['a&lt;b: 3', 'กทม.: ไม่มีข้อมูล']);
	});

	it('keeps a usable scale when every value is equal or missing', () => {
		const one = buildChoroplethOption([{ code: '10', value: 3 }], OPTS).visualMap;
		const none = buildChoroplethOption([], OPTS).visualMap;
		expect(
			[one, none].map((v) => [(v as { min: number }).min, (v as { max: number }).max])
		).toEqual([
			[3, 4],
			[0, 1]
		]);
	});
});
