/**
 * An ECharts option rendered to an SVG string on the server (ECharts' own server-side rendering,
 * no DOM): the public page paints its first chart from this, inline in the HTML, with no script
 * at all. The same pure option builders draw the interactive chart in the browser later.
 */
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';
import { ECHARTS_PARTS } from '../../charts/echarts-parts.ts';
import { escapeHtml } from '../../charts/format.ts';

echarts.use([...ECHARTS_PARTS, SVGRenderer]);

/** The builders' own description (format.ts ariaOption), for the SVG's aria-label. */
function describedBy(option: EChartsOption): string | null {
	const aria = option.aria as { label?: { description?: unknown } } | undefined;
	const text = aria?.label?.description;
	return typeof text === 'string' ? text : null;
}

/**
 * The SVG without its <style>…</style> blocks, by indexOf: /<style[^>]*>[\s\S]*?<\/style>/g scans
 * to the end of the text from every unclosed <style (quadratic, tests/fuzz/regex.test.ts).
 */
export function withoutStyles(svg: string): string {
	let out = '';
	let from = 0;
	for (;;) {
		const open = svg.indexOf('<style', from);
		const close = open < 0 ? -1 : svg.indexOf('</style>', open);
		if (close < 0) return out + svg.slice(from);
		out += svg.slice(from, open);
		from = close + '</style>'.length;
	}
}

export interface SvgSize {
	width: number;
	height: number;
}

/**
 * ECharts' own SVG of `option` at `size`, without animation: what the overview shows until its
 * live chart has drawn (EChart.svelte).
 */
export function renderSvgRaw(option: EChartsOption, size: SvgSize): string {
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
	try {
		chart.setOption({ ...option, animation: false });
		return chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
}

/**
 * `renderSvg(option, { width: 360, height: 260 })` → '<svg width="100%" … viewBox="0 0 360 260">…'.
 * No animation (the first frame is the chart), no tooltip (nothing to hover without a script).
 * The size is the viewBox: the SVG scales to its container, text with it. ECharts' hydration
 * markers (ecmeta_*, zr classes) and their hover <style> are dropped: nothing in the page
 * reads them, and a <style> inside inline SVG would apply to the whole page.
 */
export function renderSvg(option: EChartsOption, size: SvgSize): string {
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
	const { tooltip: _tooltip, ...still } = option;
	const label = describedBy(option);
	try {
		chart.setOption({ ...still, animation: false });
		return withoutStyles(chart.renderToSVGString())
			.replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
			.replace(/ class="zr\d+-cls-\d+"/g, '')
			.replace(
				`<svg width="${size.width}" height="${size.height}"`,
				`<svg width="100%" role="img" focusable="false"${label ? ` aria-label="${escapeHtml(label)}"` : ''}`
			);
	} finally {
		// A chart not disposed keeps timers alive (and the process with them).
		chart.dispose();
	}
}
