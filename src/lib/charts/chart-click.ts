/** What EChart.svelte hands to `onclick`: which data item, in which series. */
export interface ChartClick<E = unknown> {
	/** The clicked data item's `id` (every builder sets it: a province code, a row key, a year). */
	key: string;
	/** Which series: 'provinces' or 'laos' on the map, a status on the stack… */
	seriesId: string | undefined;
	event: E;
}

/** The event fields read here, as ECharts' ECElementEvent has them. */
interface ClickLike {
	data?: unknown;
	name?: string;
	seriesId?: string;
}

/** `toChartClick({ data: { id: '10' }, seriesId: 'provinces' })` → { key: '10', … }. */
export function toChartClick<E extends ClickLike>(event: E): ChartClick<E> {
	const data = event.data;
	const id =
		data !== null && typeof data === 'object' && 'id' in data && typeof data.id === 'string'
			? data.id
			: undefined;
	return { key: id ?? event.name ?? '', seriesId: event.seriesId, event };
}
