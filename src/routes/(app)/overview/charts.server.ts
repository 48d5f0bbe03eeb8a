/**
 * The overview's charts rendered to SVG on the server (ECharts' server-side rendering), shown by
 * EChart.svelte until the live chart has drawn: the first chart with data arrives with the HTML,
 * before any JavaScript (ECharts alone is ~170 KB of brotli).
 */
import { BarChart, CustomChart, ScatterChart } from 'echarts/charts';
import {
	AriaComponent,
	GridComponent,
	LegendComponent,
	TooltipComponent,
	VisualMapComponent
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { CHART_HEIGHTS, CHARTS, type ChartName, type OverviewOptions } from './options.ts';

echarts.use([
	BarChart,
	CustomChart,
	ScatterChart,
	AriaComponent,
	GridComponent,
	LegendComponent,
	TooltipComponent,
	VisualMapComponent,
	SVGRenderer
]);

/**
 * Widths of the charts in the 1400-px layout the page is designed for; the SVG keeps its
 * viewBox and scales to its box elsewhere (letterboxed, never stretched).
 */
const WIDTHS: Record<ChartName, number> = {
	planned: 860,
	completion: 860,
	dimension: 420,
	type: 420,
	map: 448
};

function renderOne(option: OverviewOptions[ChartName], width: number, height: number): string {
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
	try {
		chart.setOption({ ...option, animation: false });
		return chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
}

export function renderCharts(options: OverviewOptions): Record<ChartName, string> {
	return Object.fromEntries(
		CHARTS.map((name) => [name, renderOne(options[name], WIDTHS[name], CHART_HEIGHTS[name])])
	) as Record<ChartName, string>;
}
