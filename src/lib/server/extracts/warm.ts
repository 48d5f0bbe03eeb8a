import { LIST_NAMES } from '../../lists/columns.ts';
import { EMPTY_FILTERS, type ViewFilters } from '../../state/url-filters.ts';
import { cachedSnapshot } from '../lists/page.ts';
import { cachedRanking } from '../risk/cached.ts';
import type { ExtractName } from './build.ts';
import { cachedExtract, dataVersion, type Runner } from './cache.ts';
import { cachedViewFigures } from './figures.ts';
import { outsideRequest } from '../kept-reads.ts';
import { scopeKey, type Scope } from './scope.ts';

// Warm-up reaches the database through a Runner (cache.ts), one transaction per artefact, so
// that readers' requests interleave with it.
export type { Runner };

/**
 * In the order readers need them: the overview's first paint, the crossfilter's two extracts,
 * then what raw-fact queries load (the national facts take ~20 s to build).
 */
export const WARM_ORDER: readonly ExtractName[] = [
	'facts_cube',
	'dim_lao',
	'dim_province',
	'dim_document',
	'facts_plan',
	'facts_report'
];

const running = new Map<string, Promise<void>>();

/** มิติ 1–4: the overview's dimension bars. */
const DIMENSIONS = [1, 2, 3, 4] as const;

/**
 * The views one click away from the unfiltered overview: each fiscal year it shows (the year
 * chart) and each มิติ. Nationally a view's figures take 0.5–4 s to compute, which the first
 * reader to click one waited for (load campaign: `__data.json` of /overview up to 4.3 s).
 */
export function oneClickViews(years: readonly number[]): ViewFilters[] {
	return [
		...years.map((y) => ({ ...EMPTY_FILTERS, fiscalYears: [y] })),
		...DIMENSIONS.map((d) => ({ ...EMPTY_FILTERS, dimensions: [d] }))
	];
}

/**
 * Builds into the cache, one after the other, the unfiltered overview figures, the crossfilter's
 * extracts, every list's unfiltered snapshot, the national risk ranking (officers cannot open
 * /risk), the figures of the views one click away (oneClickViews), then the raw-fact extracts;
 * what is cached already costs nothing. One warm-up per scope
 * at a time. Under the load campaign (bench/load.ts) the lists and the ranking were what readers
 * met cold: seconds each nationally, queued behind one another in the bulkhead.
 */
export function warm(run: Runner, scope: Scope): Promise<void> {
	const key = scopeKey(scope);
	let job = running.get(key);
	if (!job) {
		job = (async () => {
			const figures = await cachedViewFigures(run, scope, EMPTY_FILTERS);
			const [first, rest] = [WARM_ORDER.slice(0, 2), WARM_ORDER.slice(2)];
			for (const name of first) await cachedExtract(run, name, scope);
			for (const list of LIST_NAMES) await cachedSnapshot(run, scope, list, EMPTY_FILTERS);
			if (scope.kind === 'national') await cachedRanking(run, scope, EMPTY_FILTERS);
			const years = figures.years.map((y) => y.fiscalYear);
			for (const view of oneClickViews(years)) await cachedViewFigures(run, scope, view);
			for (const name of rest) await cachedExtract(run, name, scope);
		})().finally(() => running.delete(key));
		running.set(key, job);
	}
	return job;
}

/** How often a kept-warm scope checks whether a run finished (another process runs the ETL). */
export const WATCH_MS = 15_000;
/**
 * Scopes watched at once, as many as the caches keep (extracts/cache.ts MAX_SCOPES). At 8, the
 * load campaign's 9 scopes (national and 8 officers' province sets) pushed one another out in
 * turn, and each came back with an immediate check and a warm-up walk through every cache.
 */
export const MAX_WATCHED = 32;
const watched = new Map<
	string,
	{ version: string | null; timer: ReturnType<typeof setInterval> }
>();

/**
 * Keeps a scope warm: warms it now, then whenever its data version moves (checked every
 * WATCH_MS in the background), so that the first reader after an ETL run finds the figures and
 * extracts built. Called by the overview route for the reader's scope; the most recent
 * MAX_WATCHED scopes are watched, the least recently asked dropped first. Failures are logged,
 * never thrown at the reader.
 */
export function keepWarm(run: Runner, scope: Scope): void {
	const key = scopeKey(scope);
	const known = watched.get(key);
	if (known) {
		// Most recently asked: to the back of the eviction order.
		watched.delete(key);
		watched.set(key, known);
		return;
	}
	let busy = false;
	const tick = async () => {
		if (busy) return;
		busy = true;
		try {
			const version = await run((db) => dataVersion(db, scope));
			const entry = watched.get(key);
			if (entry && entry.version !== version) {
				await warm(run, scope);
				entry.version = version;
			}
		} catch (error) {
			console.error(`extracts: warming ${key} failed`, error);
		} finally {
			busy = false;
		}
	};
	// Made outside the reader's request: the timer outlives it, and would keep it (kept-reads.ts).
	const timer = outsideRequest(() => setInterval(() => void tick(), WATCH_MS));
	timer.unref?.();
	watched.set(key, { version: null, timer });
	const oldest = watched.keys().next().value;
	if (watched.size > MAX_WATCHED && oldest !== undefined) {
		clearInterval(watched.get(oldest)?.timer);
		watched.delete(oldest);
	}
	outsideRequest(() => void tick());
}

/** Scopes watched now, least recently asked first (tests, diagnostics). */
export const watchedScopes = (): string[] => [...watched.keys()];

/** Stops every watch (tests). */
export function stopWatching(): void {
	for (const { timer } of watched.values()) clearInterval(timer);
	watched.clear();
}
