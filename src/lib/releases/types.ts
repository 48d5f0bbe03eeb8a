/**
 * What the public pages show of a release, browser-safe (the server builds these from the
 * release tables alone: src/lib/server/releases/). Dates travel as ISO 8601 text.
 */
import type { MapMetric, ViewFigures } from '../overview.ts';
import type { LaoTypeName, ViewFilters } from '../state/url-filters.ts';

/** One published release, as listed and as headed on its page. */
export interface ReleaseSummary {
	version: number;
	/** ISO 8601, UTC: '2025-01-02T03:04:05.000Z'. */
	publishedAt: string;
	note: string;
	documentCount: number;
	includesSynthetic: boolean;
	/**
	 * Names the release's extracts in their URLs (?tag=…): a database rebuilt from scratch can
	 * publish another "version 1", and a browser that cached the first one for a year must not
	 * take it for the second.
	 */
	tag: string;
}

/** Documents by kind, as a release counts them. */
export interface DocumentCounts {
	total: number;
	annualPlans: number;
	reports: number;
	multiYearPlans: number;
	synthetic: number;
}

/** A document a release was computed from. */
export interface ReleaseDocument {
	kind: 'multi_year_plan' | 'annual_plan' | 'progress_report';
	verdict: 'accepted' | 'accepted_with_warnings';
	laoDlaCode: string | null;
	laoNameTh: string | null;
	laoType: LaoTypeName | null;
	provinceCode: string | null;
	fiscalYears: number[];
	itemCount: number;
	/** The first 12 hex digits of its SHA-256: enough to find the exact file again. */
	sha256: string;
	isSynthetic: boolean;
}

/** One LAO of a release: which fiscal years it had an accepted annual plan and report for. */
export interface ReleaseLao {
	dlaCode: string;
	nameTh: string;
	laoType: LaoTypeName;
	provinceCode: string;
	/** Fiscal years (BE) with an accepted annual plan, ascending. */
	planYears: number[];
	/** Fiscal years (BE) with an accepted progress report, ascending. */
	reportYears: number[];
	isSynthetic: boolean;
}

/** Per province: how many LAOs had an annual plan and how many reported, within the view. */
export interface ProvinceLaoCount {
	provinceCode: string;
	laosWithPlan: number;
	laosReporting: number;
}

/** The extracts a release page hands to DuckDB-WASM, by their table names there. */
export const RELEASE_EXTRACT_NAMES = ['release_figures', 'release_laos'] as const;
export type ReleaseExtractName = (typeof RELEASE_EXTRACT_NAMES)[number];

export const isReleaseExtractName = (name: string): name is ReleaseExtractName =>
	(RELEASE_EXTRACT_NAMES as readonly string[]).includes(name);

/** The URL of one extract of a release (the page's engine fetches it after the handover). */
export function releaseExtractPath(release: Pick<ReleaseSummary, 'version' | 'tag'>, name: string) {
	return `/api/public/releases/${release.version}/${encodeURIComponent(name)}?tag=${encodeURIComponent(release.tag)}`;
}

/** A list as a page carries it: at most a cap of rows, and how many there are in all. */
export interface Capped<T> {
	rows: T[];
	total: number;
}

export interface ReleasePageData {
	release: ReleaseSummary;
	/** The newest release's version (this one's, when it is the newest). */
	latestVersion: number;
	filters: ViewFilters;
	metric: MapMetric;
	/** Every fiscal year the release has, for the year filter. */
	years: number[];
	figures: ViewFigures;
	/** LAOs with a plan / reporting, per province, within the view but its provinces. */
	provinceCounts: ProvinceLaoCount[];
	/** The LAOs of the chosen provinces; null when none is chosen (the counts stand in). */
	laos: Capped<ReleaseLao> | null;
	documentCounts: DocumentCounts;
	documents: Capped<ReleaseDocument>;
	/** The first chart (planned vs disbursed by year) as inline SVG; null on client navigations. */
	firstChartSvg: string | null;
}
