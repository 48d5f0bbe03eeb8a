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
import { releaseViewFigures } from './figures.ts';
import {
	provinceLaoCounts,
	releaseDocumentCounts,
	releaseDocumentList,
	releaseLaoList
} from './lists.ts';
import { latestRelease, releaseByVersion, summaryOf } from './read.ts';
import { releaseYears } from './years.ts';

/** Without a province chosen, the page lists this many documents (and says how many there are). */
export const DOCUMENTS_PREVIEW = 20;
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

/**
 * The page of release `version`, or of the latest when `version` is null. Null when the latest
 * is asked and nothing was published; a 404 when a given version does not exist.
 */
/** What a release's page reads for one view: the same for ever, since a release never changes. */
type Reads = Pick<
	ReleasePageData,
	'years' | 'figures' | 'provinceCounts' | 'laos' | 'documentCounts' | 'documents'
>;

/**
 * Per release tag and view, the reads (and per language and digits, the first chart's SVG), kept
 * while the server runs: a release is immutable, so the public home page, which every reader
 * opens, costs two small queries (which release is the latest) once it has been drawn once.
 * Insertion order is the eviction order; a hit is moved to the back.
 */
const MAX_CACHED = 256;
const reads = new Map<string, Reads>();
const svgs = new Map<string, string>();

function remember<T>(store: Map<string, T>, key: string, value: T): T {
	store.delete(key);
	store.set(key, value);
	const oldest = store.keys().next().value;
	if (store.size > MAX_CACHED && oldest !== undefined) store.delete(oldest);
	return value;
}

async function readRelease(db: Database, releaseId: number, filters: ViewFilters): Promise<Reads> {
	const chosen = filters.provinces.length > 0;
	return {
		years: await releaseYears(db, releaseId),
		figures: await releaseViewFigures(db, releaseId, filters),
		provinceCounts: await provinceLaoCounts(db, releaseId, filters),
		laos: chosen ? await releaseLaoList(db, releaseId, filters) : null,
		documentCounts: await releaseDocumentCounts(db, releaseId),
		documents: await releaseDocumentList(
			db,
			releaseId,
			filters,
			chosen ? undefined : DOCUMENTS_PREVIEW
		)
	};
}

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
	const loaded = await withScope(
		{ kind: 'public' },
		async (db) => {
			const release =
				version === null ? await latestRelease(db) : await releaseByVersion(db, version);
			if (!release) return null;
			const latest = version === null ? release : await latestRelease(db);
			const key = `${release.tag}|${viewKey(filters)}`;
			const found = reads.get(key);
			return {
				key,
				release,
				latestVersion: latest?.version ?? release.version,
				...remember(reads, key, found ?? (await readRelease(db, release.id, filters)))
			};
		},
		{ readOnly: true }
	);
	if (!loaded) {
		if (version === null) return null;
		error(404, `${t('release_not_found', lang)}: ${version}`);
	}
	const { key, release, ...rest } = loaded;
	let firstChartSvg: string | null = null;
	if (options.renderFirstChart) {
		const svgKey = `${key}|${lang}|${digits}`;
		// On the render thread ($lib/server/charts/svg-worker), not the event loop.
		const drawn =
			svgs.get(svgKey) ??
			(
				await drawCharts({
					figures: loaded.figures,
					filters,
					options: { locale: lang, digits, metric },
					charts: [{ name: 'years', ...FIRST_CHART_SIZE }],
					style: 'still'
				})
			).years;
		if (drawn === undefined) throw new Error('the first chart was not drawn');
		firstChartSvg = remember(svgs, svgKey, drawn);
	}
	return { ...rest, release: summaryOf(release), filters, metric, firstChartSvg };
}
