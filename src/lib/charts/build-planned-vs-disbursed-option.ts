import type { BarSeriesOption, EChartsOption } from 'echarts';
import { formatBaht } from '../format/number.ts';
import { ariaOption, compactBaht, FONT_FAMILY, withDigits, type ChartOptions } from './format.ts';
import { CHART_LABELS } from './labels.ts';
import { selectionStyle } from './selection.ts';

export interface PlannedVsDisbursedRow {
	/** Buddhist Era, as the schema stores it: 2568 = FY2025. */
	fiscalYear: number;
	planned: number;
	disbursed: number;
}

export interface PlannedVsDisbursedOptions extends ChartOptions {
	/** Years selected in the view (as text, '2568'): the others are faded. */
	selected?: readonly string[];
}

export const PLANNED_COLOR = '#9ecae1';
export const DISBURSED_COLOR = '#08519c';

/**
 * Grouped bars of planned budget and disbursement per fiscal year, years ascending on a BE axis,
 * amounts compact on the axis (2.5 ล้าน / 2.5M) and in full baht in the tooltip. Each data
 * item's `id` is the year. A CE year (< 2400) is a caller's bug and throws.
 */
export function buildPlannedVsDisbursedOption(
	rows: readonly PlannedVsDisbursedRow[],
	opts: PlannedVsDisbursedOptions
): EChartsOption {
	const { locale, digits } = opts;
	const bad = rows.find((r) => !Number.isInteger(r.fiscalYear) || r.fiscalYear < 2400);
	if (bad) throw new RangeError(`fiscal year must be BE (e.g. 2568), got ${bad.fiscalYear}`);
	const sorted = [...rows].sort((a, b) => a.fiscalYear - b.fiscalYear);
	const years = sorted.map((r) => withDigits(String(r.fiscalYear), digits));
	const bar = (
		id: 'planned' | 'disbursed',
		color: string,
		pick: (r: PlannedVsDisbursedRow) => number
	): BarSeriesOption => ({
		id,
		type: 'bar',
		name: CHART_LABELS[id][locale],
		itemStyle: { color },
		data: sorted.map((r) => {
			const key = String(r.fiscalYear);
			const style = selectionStyle(key, opts.selected);
			return style ? { id: key, value: pick(r), itemStyle: style } : { id: key, value: pick(r) };
		})
	});
	const baht = CHART_LABELS.baht[locale];
	return {
		aria: ariaOption(
			`${CHART_LABELS.planned[locale]} / ${CHART_LABELS.disbursed[locale]}, ${CHART_LABELS.fiscal_year_be[locale]} ${years.join(', ')}`
		),
		textStyle: { fontFamily: FONT_FAMILY },
		// 'all': the axis names too, so that the year axis's name is not cut off at the bottom
		// (seen on a 360 px phone); the top keeps the legend clear of the baht axis's name.
		grid: {
			left: 8,
			right: 8,
			top: 28,
			bottom: 4,
			outerBoundsMode: 'same',
			outerBoundsContain: 'all'
		},
		legend: { top: 0 },
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			formatter: (p) => {
				const items = Array.isArray(p) ? p : [p];
				const row = items[0] ? sorted[items[0].dataIndex] : undefined;
				if (!row) return '';
				return [
					`${CHART_LABELS.fiscal_year_be[locale]} ${withDigits(String(row.fiscalYear), digits)}`,
					`${CHART_LABELS.planned[locale]}: ${formatBaht(row.planned, digits)} ${baht}`,
					`${CHART_LABELS.disbursed[locale]}: ${formatBaht(row.disbursed, digits)} ${baht}`
				].join('<br>');
			}
		},
		xAxis: {
			type: 'category',
			name: CHART_LABELS.fiscal_year_be[locale],
			nameLocation: 'middle',
			nameGap: 28,
			data: years
		},
		yAxis: {
			type: 'value',
			name: baht,
			axisLabel: { formatter: (v: number) => compactBaht(v, locale, digits) }
		},
		series: [
			bar('planned', PLANNED_COLOR, (r) => r.planned),
			bar('disbursed', DISBURSED_COLOR, (r) => r.disbursed)
		]
	};
}
