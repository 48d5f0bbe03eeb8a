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

/**
 * The five charts, one at a time, giving the event loop back between them: each holds it for
 * ~20–60 ms, the five together held it for 0.1–0.3 s, during which no other request was served
 * (event-loop delay p99 in the load campaign's mixed run, bench/load.ts).
 */
export async function renderCharts(options: OverviewOptions): Promise<Record<ChartName, string>> {
	const out: Partial<Record<ChartName, string>> = {};
	for (const name of CHARTS) {
		await new Promise<void>((resolve) => setImmediate(resolve));
		out[name] = renderOne(options[name], WIDTHS[name], CHART_HEIGHTS[name]);
	}
	return out as Record<ChartName, string>;
}
