/**
 * The handover from server figures to DuckDB-WASM, as rune state: `start()` after the first
 * paint loads the engine (dynamically: nothing of DuckDB or apache-arrow is in the page's initial
 * chunks), `run(view)` recomputes the figures for a view, keeping only the answer to the latest
 * request. Until `figuresFor(view)` returns figures, the page shows the server's.
 */
import type { CrossfilterEngine, EngineStats } from '../query/crossfilter-engine.ts';
import type { ViewFigures } from '../overview.ts';
import type { ViewFilters } from './url-filters.ts';
import { viewKey } from './view-axes.ts';

export type CrossfilterStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** performance.mark() name: DuckDB's figures for the view are painted (bench/dashboard.ts). */
export const FIGURES_PAINTED = 'sujarit:figures-painted';

export class Crossfilter {
	status = $state<CrossfilterStatus>('idle');
	stats = $state<EngineStats | null>(null);
	/** Why the engine could not start or a query failed: code, then message. */
	error = $state<string | null>(null);
	#result = $state<{ key: string; figures: ViewFigures; view: ViewFilters } | null>(null);
	#engine: CrossfilterEngine | null = null;
	#seq = 0;
	readonly #load: () => Promise<CrossfilterEngine>;

	/**
	 * `load` starts the engine; it must import it dynamically. The default is the dashboard's
	 * (the five scoped extracts); a release page passes its own (the release's extracts).
	 */
	constructor(load?: () => Promise<CrossfilterEngine>) {
		this.#load =
			load ?? (() => import('../query/crossfilter-engine.ts').then((m) => m.startEngine()));
	}

	async start(): Promise<void> {
		if (this.status !== 'idle') return;
		this.status = 'loading';
		try {
			this.#engine = await this.#load();
			this.stats = this.#engine.stats;
			this.status = 'ready';
		} catch (e) {
			this.error = describe(e);
			this.status = 'failed';
		}
	}

	/** Recomputes the figures of `view`; an older request answered late is dropped. */
	async run(view: ViewFilters, withPoints: boolean): Promise<void> {
		const engine = this.#engine;
		if (!engine) return;
		const seq = ++this.#seq;
		const key = viewKey(view, withPoints ? 'points' : '');
		try {
			const figures = await engine.figures(view, withPoints);
			if (seq === this.#seq) this.#result = { key, figures, view };
		} catch (e) {
			if (seq === this.#seq) {
				this.error = describe(e);
				this.status = 'failed';
			}
		}
	}

	/** DuckDB's last answer and the view it answers: shown while the next one is computed. */
	get latest(): { readonly figures: ViewFigures; readonly view: ViewFilters } | null {
		// The stored object itself: the same until the next answer, so nothing derived from it
		// is computed again when only the view asked for changes.
		return this.#result;
	}

	/** DuckDB's figures when they answer exactly this view; null until then. */
	figuresFor(view: ViewFilters, withPoints: boolean): ViewFigures | null {
		const result = this.#result;
		return result && result.key === viewKey(view, withPoints ? 'points' : '')
			? result.figures
			: null;
	}
}

function describe(e: unknown): string {
	if (!(e instanceof Error)) return String(e);
	const code = 'code' in e ? `${String(e.code)}: ` : '';
	return `${code}${e.message}`;
}
