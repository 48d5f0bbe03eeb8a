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
import { CHART_LABELS, STATUS_COLORS, STATUS_LABELS, STATUSES, type Status } from './labels.ts';

export interface StatusRow extends Record<Status, number> {
	key: string;
	/** Already in the reader's language. */
	label: string;
}

function total(r: StatusRow): number {
	return STATUSES.reduce((sum, s) => sum + r[s], 0);
}

/**
 * 100 % stacked horizontal bars of the four report statuses (รอรายงาน, อยู่ระหว่างดำเนินการ,
 * ดำเนินการแล้วเสร็จ, ไม่สามารถดำเนินการได้), each a percentage of the row's total with one
 * decimal; a row with no items has null segments. The tooltip lists the counts. Each data item's
 * `id` is the row's key; the series id is the status.
 */
export function buildStatusStackOption(
	rows: readonly StatusRow[],
	opts: ChartOptions
): EChartsOption {
	const { locale, digits } = opts;
	const series: BarSeriesOption[] = STATUSES.map((s) => ({
		id: s,
		type: 'bar',
		stack: 'status',
		name: STATUS_LABELS[s][locale],
		itemStyle: { color: STATUS_COLORS[s] },
		data: rows.map((r) => ({ id: r.key, value: percent(r[s], total(r)) }))
	}));
	return {
		aria: ariaOption(
			`${CHART_LABELS.status_share[locale]}: ${rows.map((r) => r.label).join(', ')}`
		),
		textStyle: { fontFamily: FONT_FAMILY },
		grid: {
			left: 8,
			right: 24,
			top: 40,
			bottom: 8,
			outerBoundsMode: 'same',
			outerBoundsContain: 'axisLabel'
		},
		legend: { top: 0 },
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			formatter: (p) => {
				const items = Array.isArray(p) ? p : [p];
				const row = items[0] ? rows[items[0].dataIndex] : undefined;
				if (!row) return '';
				const n = total(row);
				return [
					escapeHtml(row.label),
					...STATUSES.map((s) => {
						const pct = percent(row[s], n);
						const share = pct === null ? '' : ` (${formatPercent(pct, digits)})`;
						return `${STATUS_LABELS[s][locale]}: ${formatNumber(row[s], digits)}${share}`;
					})
				].join('<br>');
			}
		},
		xAxis: {
			type: 'value',
			min: 0,
			max: 100,
			axisLabel: { formatter: (v: number) => `${formatNumber(v, digits)}%` }
		},
		yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label) },
		series
	};
}
