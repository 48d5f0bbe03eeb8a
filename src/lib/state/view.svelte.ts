/**
 * The dashboard's view as rune state, derived from `page.url` alone: the URL is the truth, so
 * back/forward and a copied link reopen the same view. Changing it is a navigation
 * (`goto('?' + writeFilters(…))`), which also re-runs the server load, so the server's figures
 * follow the URL whether or not DuckDB-WASM is ready.
 */
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { DEFAULT_MAP_METRIC, isMapMetric, type MapMetric } from '../overview.ts';
import { METRIC_PARAM, POINTS_PARAM, withParam } from './view-params.ts';
import {
	EMPTY_FILTERS,
	parseFilters,
	toggle,
	writeFilters,
	type ViewFilters
} from './url-filters.ts';

export class View {
	/**
	 * The view asked for while its navigation runs: a second change made before the first lands
	 * (two selects in a row) builds on the first, not on the URL it is leaving.
	 */
	#pending = $state.raw<ViewFilters | null>(null);
	readonly filters: ViewFilters = $derived(
		this.#pending ?? parseFilters(page.url.searchParams).filters
	);
	readonly metric: MapMetric = $derived.by(() => {
		const m = page.url.searchParams.get(METRIC_PARAM);
		return m !== null && isMapMetric(m) ? m : DEFAULT_MAP_METRIC;
	});
	readonly points: boolean = $derived(page.url.searchParams.get(POINTS_PARAM) === '1');

	/** Navigates to `params` (same path), keeping focus and scroll: one history entry. */
	#go(params: URLSearchParams): Promise<void> {
		const query = params.toString();
		// eslint-disable-next-line svelte/no-navigation-without-resolve -- same page, query only
		return goto(query ? `?${query}` : page.url.pathname, { keepFocus: true, noScroll: true });
	}

	set(filters: ViewFilters): Promise<void> {
		this.#pending = filters;
		return this.#go(writeFilters(filters, page.url.searchParams)).finally(() => {
			if (this.#pending === filters) this.#pending = null;
		});
	}

	toggle<K extends keyof ViewFilters>(axis: K, value: ViewFilters[K][number]): Promise<void> {
		return this.set(toggle(this.filters, axis, value));
	}

	clear(): Promise<void> {
		return this.set(EMPTY_FILTERS);
	}

	setMetric(metric: MapMetric): Promise<void> {
		const value = metric === DEFAULT_MAP_METRIC ? null : metric;
		return this.#go(withParam(page.url.searchParams, METRIC_PARAM, value));
	}

	setPoints(on: boolean): Promise<void> {
		return this.#go(withParam(page.url.searchParams, POINTS_PARAM, on ? '1' : null));
	}
}
