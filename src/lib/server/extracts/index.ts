/** Scoped SQL → Arrow IPC extracts and the overview pre-aggregate (STYLE: $lib/server/extracts). */
export { buildExtract, EXTRACT_NAMES, isExtractName, UnknownExtractError } from './build.ts';
export type { ExtractName } from './build.ts';
export {
	cachedExtract,
	cachedKeys,
	cachedOverview,
	dataVersion,
	direct,
	etagOf,
	FORMAT_VERSION,
	memoize,
	VERSION_REFRESH_AFTER_MS,
	VERSION_TTL_MS,
	versionOf,
	type Bucket,
	type Runner
} from './cache.ts';
export { dataVersionText, versionFromRow, type VersionRow } from './data-version.ts';
export { buildViewFigures, cachedViewFigures } from './figures.ts';
export { negotiateEncoding, serveExtract, serveOverview } from './http.ts';
export {
	buildBreakdown,
	buildOverview,
	type BreakdownKey,
	type BreakdownRow,
	type Overview,
	type OverviewYear
} from './preaggregates.ts';
export { NATIONAL, scopeFor, scopeKey, scopeWhere, type Scope } from './scope.ts';
export { buildProvinceSummary, type ProvinceYear } from './province-summary.ts';
export { keepWarm, oneClickViews, warm, WARM_ORDER } from './warm.ts';
