/**
 * A public release page as rune state: the view in the URL (the dashboard's own View), the
 * figures the page shows — the server's (page data, first paint) until DuckDB-WASM answers the
 * same view — and the options of its charts. The engine starts on the reader's first change of
 * the view, never before: a reader who only reads downloads no DuckDB at all.
 */
import type { Digits } from '../format/number.ts';
import type { Lang } from '../i18n/index.ts';
import { totalsFor, type Totals, type ViewFigures } from '../overview.ts';
import { buildViewChartOptions, type ViewCharts } from '../charts/build-view-chart-options.ts';
import { Crossfilter } from '../state/crossfilter.svelte.ts';
import { EMPTY_FILTERS, type ViewFilters } from '../state/url-filters.ts';
import { viewKey } from '../state/view-axes.ts';
import { View } from '../state/view.svelte.ts';
import type { ReleaseSummary } from './types.ts';

export interface ReleasePageInput {
	release: ReleaseSummary;
	figures: ViewFigures;
	lang: Lang;
	digits: Digits;
}

export class ReleasePage {
	readonly view = new View();
	readonly engine: Crossfilter;
	/** The view the page was first painted for: a change from it is the reader's interaction. */
	readonly #initial: string;
	/** DuckDB's figures when they answer this view; the server's (already filtered) until then. */
	readonly figures: ViewFigures;
	readonly source: 'duckdb' | 'server';
	readonly totals: Totals;
	readonly charts: ViewCharts;

	constructor(input: () => ReleasePageInput) {
		this.#initial = viewKey(this.view.filters);
		const { version, tag } = input().release;
		this.engine = new Crossfilter(() =>
			import('../query/release-engine.ts').then((m) => m.startReleaseEngine({ version, tag }))
		);
		const duck = $derived(this.engine.figuresFor(this.view.filters, false));
		this.figures = $derived(duck ?? input().figures);
		this.source = $derived(duck ? 'duckdb' : 'server');
		this.totals = $derived(totalsFor(this.figures.years, this.view.filters.fiscalYears));
		this.charts = $derived(
			buildViewChartOptions(this.figures, this.view.filters, {
				locale: input().lang,
				digits: input().digits,
				metric: this.view.metric
			})
		);
	}

	/** Whether the reader has changed the view since the first paint (links and back included). */
	get interacted(): boolean {
		return viewKey(this.view.filters) !== this.#initial;
	}

	/** Sets one axis to one value, or clears it (null): what each filter control does. */
	choose<K extends keyof ViewFilters>(
		axis: K,
		value: ViewFilters[K][number] | null
	): Promise<void> {
		return this.view.set({ ...this.view.filters, [axis]: value === null ? [] : [value] });
	}

	clear(): Promise<void> {
		return this.view.set(EMPTY_FILTERS);
	}
}
