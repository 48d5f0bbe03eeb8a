import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n';
import { tileByCode } from '$lib/map/tiles';
import { DEFAULT_MAP_METRIC, isMapMetric, type ViewFigures } from '$lib/overview';
import { readerOf } from '$lib/server/db';
import { deferSvgs } from '$lib/server/svg-splice';
import * as extracts from '$lib/server/extracts';
import { parseFilters } from '$lib/state/url-filters';
import { viewKey } from '$lib/state/view-axes';
import { FIGURES_DEPENDENCY, METRIC_PARAM, POINTS_PARAM } from '$lib/state/view-params';
import type { PageServerLoad } from './$types';
import { cachedCharts, warmCharts } from './charts.server';

/**
 * The first paint, from server-side SQL (no DuckDB-WASM on this path), already within the URL's
 * view: each breakdown is computed without its own axis, as the crossfilter does after the
 * handover. A malformed view is a 400 that names the bad parameters; a well-formed province code
 * that is no province is a 404.
 *
 * The URL is read untracked: a change of view does not come back here by itself (once
 * DuckDB-WASM is ready, the figures are computed in the browser and a click costs no request);
 * the page invalidates FIGURES_DEPENDENCY when it needs the server's figures for a view
 * (`figuresFor` says which one these are).
 */
/** How long a page waits for its charts' SVG (SUJARIT_CHART_WAIT_MS, 400 by default). */
const CHART_WAIT_MS = Math.max(0, Number(process.env.SUJARIT_CHART_WAIT_MS ?? 400) || 0);

/** `work`'s value if it settles within `ms`, else null; a failure is logged and is null too. */
async function within<T>(work: Promise<T>, ms: number): Promise<T | null> {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<null>((resolve) => {
		timer = setTimeout(() => resolve(null), ms);
	});
	const settled = work.catch((error: unknown) => {
		console.error('overview charts not drawn:', error);
		return null;
	});
	try {
		return await Promise.race([settled, late]);
	} finally {
		clearTimeout(timer);
	}
}

export const load: PageServerLoad = async ({
	url,
	parent,
	locals,
	depends,
	untrack,
	isDataRequest
}) => {
	depends(FIGURES_DEPENDENCY);
	const { lang } = await parent();
	const params = untrack(() => new URLSearchParams(url.searchParams));
	const { filters, rejected } = parseFilters(params);
	const metric = params.get(METRIC_PARAM);
	if (metric !== null && !isMapMetric(metric)) rejected.push(`${METRIC_PARAM}=${metric}`);
	const points = params.get(POINTS_PARAM);
	if (points !== null && points !== '1') rejected.push(`${POINTS_PARAM}=${points}`);
	if (rejected.length > 0) {
		const shown = rejected.slice(0, 5).map((r) => (r.length > 40 ? `${r.slice(0, 40)}…` : r));
		error(400, `${t('bad_view', lang)}: ${shown.join(', ')}`);
	}
	const unknown = filters.provinces.filter((code) => !tileByCode(code));
	if (unknown.length > 0) error(404, `${t('unknown_province', lang)}: ${unknown.join(', ')}`);

	const scope = extracts.scopeFor(locals);
	const run = readerOf(scope);
	const mapMetric = metric !== null && isMapMetric(metric) ? metric : DEFAULT_MAP_METRIC;
	const figures: ViewFigures = await extracts.cachedViewFigures(run, scope, filters);
	// The first paint only: a client navigation has ECharts loaded already. Five charts rendered
	// to SVG take the render thread 0.1–0.3 s (not the event loop): once per view, metric and
	// language. The page waits for them at most CHART_WAIT_MS: past that (the thread busy with
	// other views' charts), it is drawn without them, the live charts draw in the browser, and
	// the render goes on for the next reader; such a page is not kept (hooks.server.ts).
	const rendering = isDataRequest
		? null
		: cachedCharts(run, scope, figures, { filters, metric: mapMetric }, lang);
	const charts = rendering && (await within(rendering, CHART_WAIT_MS));
	if (rendering && !charts) locals.partial = true;
	// After this reader's figures, not before: the extracts the crossfilter fetches next, and the
	// unfiltered figures, get built in the background (then again whenever a run finishes).
	extracts.keepWarm(run, scope);
	// …then the charts of the views one click away, in this reader's language.
	warmCharts(run, scope, lang);
	// The SVG goes into the HTML once (hooks.server.ts), not again in the hydration data.
	return {
		lang,
		figures,
		figuresFor: viewKey(filters),
		charts: charts && deferSvgs(locals, charts)
	};
};
