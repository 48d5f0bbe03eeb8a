/**
 * The dashboard's view as rune state, derived from `page.url`: the URL is the truth, so
 * back/forward and a copied link reopen the same view. Changing it is a navigation
 * (`goto('?' + writeFilters(…))`). Until that navigation lands, the view is the one asked for
 * (`pending`): a click shows its selection, and DuckDB-WASM starts on its figures, in the same
 * frame, whatever the navigation waits for.
 */
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { DEFAULT_MAP_METRIC, isMapMetric, type MapMetric } from '../overview.ts';
import { viewKey } from './view-axes.ts';
import { METRIC_PARAM, POINTS_PARAM, withParam } from './view-params.ts';
import {
	EMPTY_FILTERS,
	parseFilters,
	toggle,
	writeFilters,
	type ViewFilters
} from './url-filters.ts';

export class View {
	#pending = $state<URLSearchParams | null>(null);
	readonly #params: URLSearchParams = $derived(this.#pending ?? page.url.searchParams);
	/** Whether a change of view is still navigating (the URL is not yet the view's). */
	readonly pending: boolean = $derived(this.#pending !== null);
	#last: ViewFilters = EMPTY_FILTERS;
	/**
	 * The same object while the view is the same: when a pending view lands in the URL nothing
	 * that depends on the filters (the DuckDB slices, the lists) runs again.
	 */
	readonly filters: ViewFilters = $derived.by(() => {
		const next = parseFilters(this.#params).filters;
		if (viewKey(next) !== viewKey(this.#last)) this.#last = next;
		return this.#last;
	});
	readonly metric: MapMetric = $derived.by(() => {
		const m = this.#params.get(METRIC_PARAM);
		return m !== null && isMapMetric(m) ? m : DEFAULT_MAP_METRIC;
	});
	readonly points: boolean = $derived(this.#params.get(POINTS_PARAM) === '1');

	/** Navigates to `params` (same path), keeping focus and scroll: one history entry. */
	async #go(params: URLSearchParams): Promise<void> {
		const query = params.toString();
		this.#pending = params;
		try {
			// eslint-disable-next-line svelte/no-navigation-without-resolve -- same page, query only
			await goto(query ? `?${query}` : page.url.pathname, { keepFocus: true, noScroll: true });
		} finally {
			if (this.#pending === params) this.#pending = null;
		}
	}

	set(filters: ViewFilters): Promise<void> {
		return this.#go(writeFilters(filters, this.#params));
	}

	toggle<K extends keyof ViewFilters>(axis: K, value: ViewFilters[K][number]): Promise<void> {
		return this.set(toggle(this.filters, axis, value));
	}

	clear(): Promise<void> {
		return this.set(EMPTY_FILTERS);
	}

	setMetric(metric: MapMetric): Promise<void> {
		const value = metric === DEFAULT_MAP_METRIC ? null : metric;
		return this.#go(withParam(this.#params, METRIC_PARAM, value));
	}

	setPoints(on: boolean): Promise<void> {
		return this.#go(withParam(this.#params, POINTS_PARAM, on ? '1' : null));
	}
}
