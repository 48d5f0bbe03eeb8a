import type { BarSeriesOption, EChartsOption } from 'echarts';
import { ariaOption, escapeHtml, FONT_FAMILY, formatNumber, type ChartOptions } from './format.ts';
import { CHART_LABELS } from './labels.ts';
import { selectionStyle } from './selection.ts';

export interface BreakdownBarRow {
	/** What a click reports: a มิติ ('1'), an LAO type name… */
	key: string;
	/** Already in the reader's language. */
	label: string;
	planned: number;
	reported: number;
}

export interface BreakdownBarOptions extends ChartOptions {
	/** Keys selected in the view: the others are faded. */
	selected?: readonly string[];
}

export const PLANNED_ITEMS_COLOR = '#6baed6';
export const REPORTED_ITEMS_COLOR = '#2e9d5b';

/**
 * Horizontal grouped bars of items planned (annual plans) and items reported (progress reports)
 * per group, rows in the given order, first at the top. Each data item's `id` is the row's key,
 * so a click on either bar of a group toggles that group; unselected groups are faded.
 */
export function buildBreakdownBarOption(
	rows: readonly BreakdownBarRow[],
	opts: BreakdownBarOptions
): EChartsOption {
	const { locale, digits } = opts;
	const bar = (
		id: 'planned_items' | 'reported_items',
		color: string,
		pick: (r: BreakdownBarRow) => number
	): BarSeriesOption => ({
		id,
		type: 'bar',
		name: CHART_LABELS[id][locale],
		itemStyle: { color },
		data: rows.map((r) => {
			const style = selectionStyle(r.key, opts.selected);
			return style
				? { id: r.key, value: pick(r), itemStyle: style }
				: { id: r.key, value: pick(r) };
		})
	});
	return {
		aria: ariaOption(
			`${CHART_LABELS.planned_items[locale]} / ${CHART_LABELS.reported_items[locale]}: ${rows
				.map((r) => r.label)
				.join(', ')}`
		),
		textStyle: { fontFamily: FONT_FAMILY },
		grid: {
			left: 8,
			right: 24,
			top: 32,
			bottom: 8,
			outerBoundsMode: 'same',
			outerBoundsContain: 'axisLabel'
		},
		legend: { top: 0 },
		tooltip: {
			trigger: 'item',
			formatter: (p) => {
				const item = Array.isArray(p) ? p[0] : p;
				const row = item ? rows[item.dataIndex] : undefined;
				if (!row) return '';
				return `${escapeHtml(row.label)}<br>${CHART_LABELS.planned_items[locale]}: ${formatNumber(
					row.planned,
					digits
				)}<br>${CHART_LABELS.reported_items[locale]}: ${formatNumber(row.reported, digits)}`;
			}
		},
		xAxis: {
			type: 'value',
			minInterval: 1,
			axisLabel: { formatter: (v: number) => formatNumber(v, digits) }
		},
		yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label) },
		series: [
			bar('planned_items', PLANNED_ITEMS_COLOR, (r) => r.planned),
			bar('reported_items', REPORTED_ITEMS_COLOR, (r) => r.reported)
		]
	};
}
