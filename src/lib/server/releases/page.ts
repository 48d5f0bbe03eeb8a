/**
 * The data of a public release page (/ and /releases/[version]): the release's figures within the
 * URL's view, from the release tables alone, read in scope 'public'. The first chart comes
 * rendered to SVG on a document request, so that it paints with the HTML; a client navigation
 * (a filter changed after the first paint) gets the figures only, and the browser draws them.
 * Malformed views are 400s that name the bad parameters; an unknown province is a 404.
 */
import { error } from '@sveltejs/kit';
import type { Digits } from '../../format/number.ts';
import { t, type Lang } from '../../i18n/index.ts';
import { tileByCode } from '../../map/tiles.ts';
import { DEFAULT_MAP_METRIC, isMapMetric, type MapMetric } from '../../overview.ts';
import type { ReleasePageData } from '../../releases/types.ts';
import { parseFilters, type ViewFilters } from '../../state/url-filters.ts';
import { viewKey } from '../../state/view-axes.ts';
import { METRIC_PARAM } from '../../state/view-params.ts';
import { drawCharts } from '../charts/svg-worker.ts';
import { withScope, type Database } from '../db/index.ts';
import { KeptReads } from '../kept-reads.ts';
import { latestVersion, releaseOf } from './latest-version.ts';
import { latestRelease, summaryOf } from './read.ts';
import { readReleaseView } from './view-reads.ts';

export { DOCUMENTS_PREVIEW } from './view-reads.ts';
/** The first chart's viewBox: a phone's width, so its text reads at 1:1 there. */
export const FIRST_CHART_SIZE = { width: 360, height: 260 };

export type { ReleasePageData };

const shown = (list: string[]) =>
	list
		.slice(0, 5)
		.map((r) => (r.length > 40 ? `${r.slice(0, 40)}…` : r))
		.join(', ');

/** The view in the URL: the dashboard's parameters but the verdict, plus the map's metric. */
function readView(url: URL, lang: Lang): { filters: ViewFilters; metric: MapMetric } {
	const { filters, rejected } = parseFilters(url.searchParams);
	// A release is made of accepted documents only and keeps no verdict per figure.
	rejected.push(...filters.verdicts.map((v) => `verdict=${v}`));
	const metric = url.searchParams.get(METRIC_PARAM);
	if (metric !== null && !isMapMetric(metric)) rejected.push(`${METRIC_PARAM}=${metric}`);
	if (rejected.length > 0) error(400, `${t('bad_view', lang)}: ${shown(rejected)}`);
	const unknown = filters.provinces.filter((code) => !tileByCode(code));
	if (unknown.length > 0) error(404, `${t('unknown_province', lang)}: ${unknown.join(', ')}`);
	return { filters, metric: metric !== null && isMapMetric(metric) ? metric : DEFAULT_MAP_METRIC };
}

/** A read-only transaction in scope 'public'. */
const publicRun = <T>(fn: (db: Database) => Promise<T>): Promise<T> =>
	withScope({ kind: 'public' }, fn, { readOnly: true });

/** Per release tag, view, language and digits, the first chart's SVG (drawn once, even for readers at once). */
const svgs = new KeptReads(256);

/**
 * The page of release `version`, or of the latest when `version` is null. Null when the latest
 * is asked and nothing was published; a 404 when a given version does not exist.
 */
export async function loadReleasePage(options: {
	version: number | null;
	url: URL;
	lang: Lang;
	digits: Digits;
	/** A document request (first paint): render the first chart to SVG. */
	renderFirstChart: boolean;
}): Promise<ReleasePageData | null> {
	const { version, url, lang, digits } = options;
	const { filters, metric } = readView(url, lang);
	// Which release: kept a second ($lib/server/releases/latest-version), as the public
	// extracts ask. With its reads kept too, a page read before asks the database nothing.
	const latest = Number(await latestVersion());
	const release = version === null && latest === 0 ? null : await releaseOf(version ?? latest);
	if (!release) {
		if (version === null) return null;
		error(404, `${t('release_not_found', lang)}: ${version}`);
	}
	const reads = await readReleaseView(publicRun, release, filters);
	const key = `${release.tag}|${viewKey(filters)}`;
	let firstChartSvg: string | null = null;
	if (options.renderFirstChart) {
		// On the render thread ($lib/server/charts/svg-worker), not the event loop.
		firstChartSvg = await svgs.get(`${key}|${lang}|${digits}`, async () => {
			const drawn = await drawCharts({
				figures: reads.figures,
				filters,
				options: { locale: lang, digits, metric },
				charts: [{ name: 'years', ...FIRST_CHART_SIZE }],
				style: 'still'
			});
			if (drawn.years === undefined) throw new Error('the first chart was not drawn');
			return drawn.years;
		});
	}
	return {
		...reads,
		release: summaryOf(release),
		// A release published within the second may be newer than the latest kept.
		latestVersion: Math.max(latest, release.version),
		filters,
		metric,
		firstChartSvg
	};
}

/**
 * Reads the latest release's unfiltered view (what `/` shows every reader first) before its first
 * reader asks: on the national demo those reads cost 450–490 ms each on a cold PostgreSQL. Hooks'
 * `init` calls it on PostgreSQL only: on PGlite it would open (and lock) the data folder when the
 * server starts, before anyone asked, so that `npm run users` or `npm run etl` found it taken.
 * Whether a release was read.
 */
export async function warmLatestRelease(): Promise<boolean> {
	const { filters } = parseFilters(new URLSearchParams());
	const release = await publicRun(latestRelease);
	if (!release) return false;
	await readReleaseView(publicRun, release, filters);
	return true;
}
