import type { BarSeriesOption, EChartsOption } from 'echarts';
import {
	ariaOption,
	escapeHtml,
	FONT_FAMILY,
	formatNumber,
	formatPercent,
	percent,
	type ChartOptions
} from './format.ts';
import { CHART_LABELS, fill } from './labels.ts';
import { selectionStyle } from './selection.ts';

export interface CompletionRow {
	/** What a click reports: a province code, an LAO id, a dimension… */
	key: string;
	/** Already in the reader's language (a province or LAO name). */
	label: string;
	done: number;
	reported: number;
}

export interface CompletionBarOptions extends ChartOptions {
	/** Keys selected in the view: the others are faded. */
	selected?: readonly string[];
}

export const COMPLETION_COLOR = '#2e9d5b';

/**
 * Horizontal bars of completion rate, done / reported, as a percentage with one decimal
 * (`percent(3, 4)` → 75); rows keep their order, first at the top. A row with nothing reported
 * has a null bar and says so in its tooltip. Each data item's `id` is the row's key.
 */
export function buildCompletionBarOption(
	rows: readonly CompletionRow[],
	opts: CompletionBarOptions
): EChartsOption {
	const { locale, digits } = opts;
	const name = CHART_LABELS.completion_rate[locale];
	const series: BarSeriesOption = {
		id: 'completion',
		type: 'bar',
		name,
		itemStyle: { color: COMPLETION_COLOR },
		data: rows.map((r) => {
			const style = selectionStyle(r.key, opts.selected);
			const value = percent(r.done, r.reported);
			return style ? { id: r.key, value, itemStyle: style } : { id: r.key, value };
		})
	};
	const tooltipText = (r: CompletionRow): string => {
		const rate = percent(r.done, r.reported);
		if (rate === null) return `${escapeHtml(r.label)}: ${CHART_LABELS.no_reports[locale]}`;
		const counts = fill(CHART_LABELS.done_of_reported[locale], {
			done: formatNumber(r.done, digits),
			reported: formatNumber(r.reported, digits)
		});
		return `${escapeHtml(r.label)}: ${formatPercent(rate, digits)} (${counts})`;
	};
	return {
		aria: ariaOption(`${name}: ${rows.map((r) => r.label).join(', ')}`),
		textStyle: { fontFamily: FONT_FAMILY },
		grid: {
			left: 8,
			right: 24,
			top: 8,
			bottom: 8,
			outerBoundsMode: 'same',
			outerBoundsContain: 'axisLabel'
		},
		tooltip: {
			trigger: 'item',
			formatter: (p) => {
				const item = Array.isArray(p) ? p[0] : p;
				const row = item ? rows[item.dataIndex] : undefined;
				return row ? tooltipText(row) : '';
			}
		},
		xAxis: {
			type: 'value',
			min: 0,
			max: 100,
			axisLabel: { formatter: (v: number) => `${formatNumber(v, digits)}%` }
		},
		yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label) },
		series: [series]
	};
}
