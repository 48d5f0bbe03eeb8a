import type {
	CustomSeriesOption,
	CustomSeriesRenderItem,
	EChartsOption,
	ScatterSeriesOption
} from 'echarts';
import { projectPoint } from '../map/project.ts';
import {
	GRID_SIZE,
	PROVINCE_TILES,
	tileByCode,
	tileLabel,
	tileName,
	type ProvinceTile
} from '../map/tiles.ts';
import {
	ariaOption,
	escapeHtml,
	FONT_FAMILY,
	formatNumber,
	formatPercent,
	type ChartOptions
} from './format.ts';
import { CHART_LABELS, fill } from './labels.ts';
import { formatBaht } from '../format/number.ts';

export interface ChoroplethRow {
	/** Province code, '10' or 'TH-10'. */
	code: string;
	value: number | null;
}

/** An LAO centre from the register, drawn over the tiles. */
export interface MapPoint {
	key: string;
	label: string;
	lat: number;
	lon: number;
	/** The register's province code; without it the nearest province centre decides. */
	provinceCode?: string;
	/** The metric's value for the LAO; null or absent: no data, drawn grey. */
	value?: number | null;
}

export interface ChoroplethOptions extends ChartOptions {
	/** The metric's name, shown on the legend and in the aria description. */
	metric: { th: string; en: string };
	/** How values read: 'int' (default), 'percent' (0–100) or 'baht'. */
	format?: 'int' | 'percent' | 'baht';
	/** The highlighted province(s). */
	selected?: string | readonly string[] | null;
	/** Colour scale bounds; default the data's extent. */
	min?: number;
	max?: number;
	points?: readonly MapPoint[];
}

export const NO_DATA_COLOR = '#d9d9d9';
export const SCALE_COLORS = ['#eef4fb', '#9ecae1', '#3182bd', '#08306b'];
const SELECTED_STROKE = '#111111';

/** Series ids: a click's `seriesId` tells a tile from an LAO point. */
export const TILE_SERIES_ID = 'provinces';
export const POINT_SERIES_ID = 'laos';

function formatValue(v: number, opts: ChoroplethOptions): string {
	if (opts.format === 'percent') return formatPercent(v, opts.digits);
	if (opts.format === 'baht') return formatBaht(v, opts.digits);
	return formatNumber(v, opts.digits);
}

/**
 * A tile map of the 77 provinces: a `custom` series on two hidden value axes, one square per
 * province drawn by `renderItem` at its (col, row), coloured by a continuous visualMap on the
 * value dimension; all 77 tiles are drawn, in PROVINCE_TILES order, null values and provinces
 * missing from `rows` in grey ("no data").
 * Each data item's `id` is the province code (EChart.svelte forwards it on click).
 */
export function buildChoroplethOption(
	rows: readonly ChoroplethRow[],
	opts: ChoroplethOptions
): EChartsOption {
	const { locale } = opts;
	const byCode = new Map<string, number | null>();
	for (const r of rows) {
		const tile = tileByCode(r.code);
		if (tile) byCode.set(tile.code, r.value);
	}
	// Every province is drawn; those missing from `rows` read as no data.
	const tiles: readonly ProvinceTile[] = PROVINCE_TILES;
	const valueOf = (code: string): number | null => byCode.get(code) ?? null;
	const values = [...byCode.values()].filter((v): v is number => v !== null);
	const min = opts.min ?? (values.length > 0 ? Math.min(...values) : 0);
	const max0 = opts.max ?? (values.length > 0 ? Math.max(...values) : 1);
	const max = max0 > min ? max0 : min + 1;
	const selectedList = typeof opts.selected === 'string' ? [opts.selected] : (opts.selected ?? []);
	const selected = new Set(selectedList.flatMap((c) => tileByCode(c)?.code ?? []));
	const noData = CHART_LABELS.no_data[locale];

	const renderItem: CustomSeriesRenderItem = (params, api) => {
		const tile = tiles[params.dataIndex];
		if (!tile) return null;
		const [cx = 0, cy = 0] = api.coord([tile.col, tile.row]);
		const size = api.size?.([1, 1]);
		const [w, h] = Array.isArray(size) ? size : [0, 0];
		const side = Math.min(w ?? 0, h ?? 0) * 0.92;
		const isNull = valueOf(tile.code) === null;
		const isSelected = selected.has(tile.code);
		return {
			type: 'group',
			children: [
				{
					type: 'rect',
					shape: { x: cx - side / 2, y: cy - side / 2, width: side, height: side, r: 2 },
					style: {
						fill: isNull ? NO_DATA_COLOR : (api.visual('color') as string),
						stroke: isSelected ? SELECTED_STROKE : '#ffffff',
						lineWidth: isSelected ? 3 : 1
					}
				},
				{
					type: 'text',
					style: {
						text: tileLabel(tile, locale),
						x: cx,
						y: cy,
						align: 'center',
						verticalAlign: 'middle',
						fontSize: Math.max(8, Math.round(side * 0.3)),
						fontFamily: FONT_FAMILY,
						fill: '#1a1a1a',
						stroke: '#ffffff',
						lineWidth: 2
					},
					silent: true
				}
			]
		};
	};

	const tileSeries: CustomSeriesOption = {
		id: TILE_SERIES_ID,
		type: 'custom',
		name: opts.metric[locale],
		coordinateSystem: 'cartesian2d',
		renderItem,
		encode: { x: 0, y: 1, tooltip: 2 },
		data: tiles.map((t) => ({
			id: t.code,
			name: tileName(t, locale),
			value: [t.col, t.row, valueOf(t.code)]
		}))
	};

	const placed = (opts.points ?? []).flatMap((p) => {
		const g = projectPoint(p.lat, p.lon, p.provinceCode);
		return g ? [{ point: p, g, v: p.value ?? null }] : [];
	});
	// A point without data keeps out of the colour scale (visualMap: '-') and is drawn grey.
	const pointData = placed.map(({ point, g, v }) =>
		v === null
			? {
					id: point.key,
					name: point.label,
					value: [g.x, g.y, '-'],
					itemStyle: { color: NO_DATA_COLOR }
				}
			: { id: point.key, name: point.label, value: [g.x, g.y, v] }
	);
	const pointSeries: ScatterSeriesOption = {
		id: POINT_SERIES_ID,
		type: 'scatter',
		name: CHART_LABELS.laos[locale],
		symbolSize: 7,
		itemStyle: { borderColor: '#222222', borderWidth: 0.6, opacity: 0.9 },
		data: pointData
	};

	const withData = tiles.filter((t) => valueOf(t.code) !== null);
	const description = `${CHART_LABELS.province_map[locale]}: ${opts.metric[locale]}, ${fill(
		CHART_LABELS.provinces_with_data[locale],
		{ n: formatNumber(withData.length, opts.digits) }
	)}.`;

	return {
		aria: ariaOption(description),
		textStyle: { fontFamily: FONT_FAMILY },
		animation: false,
		grid: { left: 4, right: 4, top: 4, bottom: 4 },
		xAxis: { type: 'value', min: -0.5, max: GRID_SIZE.cols - 0.5, show: false },
		yAxis: { type: 'value', min: -0.5, max: GRID_SIZE.rows - 0.5, inverse: true, show: false },
		tooltip: {
			trigger: 'item',
			formatter: (p) => {
				const item = Array.isArray(p) ? p[0] : p;
				if (!item) return '';
				const name = escapeHtml(item.name ?? '');
				if (item.seriesId !== TILE_SERIES_ID) {
					const v = placed[item.dataIndex]?.v ?? null;
					return `${name}: ${v === null ? noData : formatValue(v, opts)}`;
				}
				const tile = tiles[item.dataIndex];
				const v = tile ? valueOf(tile.code) : null;
				return `${name}: ${v === null ? noData : formatValue(v, opts)}`;
			}
		},
		// Bottom right is open sea on the tile grid (east of the peninsula).
		visualMap: {
			type: 'continuous',
			seriesIndex: pointData.length > 0 ? [0, 1] : 0,
			dimension: 2,
			min,
			max,
			calculable: true,
			right: 8,
			bottom: 8,
			text: [formatValue(max, opts), formatValue(min, opts)],
			inRange: { color: SCALE_COLORS }
		},
		series: pointData.length > 0 ? [tileSeries, pointSeries] : [tileSeries]
	};
}
