// Renders every builder's option with the real ECharts modules EChart.svelte registers (plus
// the SVG renderer for server-side rendering), so a builder that uses an unregistered series or
// component, or an option ECharts rejects, fails here rather than in the browser.
import type { EChartsOption } from 'echarts';
import { SVGRenderer } from 'echarts/renderers';
import { describe, expect, it } from 'vitest';
import { buildChoroplethOption } from './build-choropleth-option.ts';
import { buildCompletionBarOption } from './build-completion-bar-option.ts';
import { buildPlannedVsDisbursedOption } from './build-planned-vs-disbursed-option.ts';
import { buildStatusStackOption } from './build-status-stack-option.ts';
import { echarts } from './echarts.ts';

echarts.use([SVGRenderer]);

function render(option: EChartsOption): string {
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 440, height: 680 });
	try {
		chart.setOption(option);
		return chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
}

describe('options render with the registered modules', () => {
	// The aria module labels the DOM container, which server-side rendering has not got; the
	// aria option itself is checked in each builder's test.
	it('draws the tile map: 75 grey tiles, Bangkok coloured and outlined, labels, the LAO point', () => {
		const svg = render(
			buildChoroplethOption(
				[
					{ code: '10', value: 5 },
					{ code: '50', value: 2 }
				],
				{
					locale: 'th',
					metric: { th: 'จำนวนแผน', en: 'Plans' },
					selected: '10',
					points: [{ key: 'x', label: 'x', lat: 13.75, lon: 100.5, provinceCode: '10', value: 5 }]
				}
			)
		);
		expect([
			(svg.match(/<path d="M[^"]*Z" fill="#d9d9d9"/g) ?? []).length,
			/fill="rgb\(8,48,107\)" stroke="#111111"/.test(svg),
			svg.includes('>กทม</text>'),
			svg.includes('>นธ</text>'),
			svg.includes('fill="rgb(8,48,107)" fill-opacity="0.9" stroke="#222222"') // the LAO point
		]).toEqual([75, true, true, true, true]);
	});

	it('draws the three bar charts', () => {
		const svgs = [
			render(
				buildCompletionBarOption([{ key: 'a', label: 'ก', done: 1, reported: 2 }], {
					locale: 'th'
				})
			),
			render(
				buildPlannedVsDisbursedOption([{ fiscalYear: 2568, planned: 10, disbursed: 5 }], {
					locale: 'en'
				})
			),
			render(
				buildStatusStackOption(
					[{ key: 'a', label: 'ก', pending: 1, in_progress: 1, done: 1, not_done: 1 }],
					{ locale: 'th' }
				)
			)
		];
		expect([
			svgs[0]!.includes('fill="#2e9d5b"'),
			svgs[1]!.includes('fill="#08519c"') && svgs[1]!.includes('>2568</text>'),
			['#b0b7bf', '#f0ad3c', '#2e9d5b', '#d64541'].every((c) => svgs[2]!.includes(`fill="${c}"`))
		]).toEqual([true, true, true]);
	});
});
