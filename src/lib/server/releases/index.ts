/**
 * Public releases (issue 5): publishing a versioned, immutable snapshot of aggregates, and the
 * public pages' reads of it. The public pages read the release tables only (scope 'public').
 */
export { publishRelease, ReleaseScopeError, type PublishOptions } from './publish.ts';
export {
	previewRelease,
	type FigureTotals,
	type PreviewDocument,
	type ProvinceChange,
	type ReleasePreview
} from './preview.ts';
export { latestRelease, listReleases, releaseByVersion, summaryOf, type Release } from './read.ts';
export { releaseViewFigures } from './figures.ts';
export {
	LIST_LIMIT,
	provinceLaoCounts,
	releaseDocumentCounts,
	releaseDocumentList,
	releaseLaoList
} from './lists.ts';
export { releaseYears } from './years.ts';
export { buildReleaseExtract, cachedReleaseExtract, keptReleaseExtract } from './extract.ts';
export { IMMUTABLE, REVALIDATE, serveReleaseExtract } from './http.ts';
export { releaseTag, RELEASE_FORMAT_VERSION } from './tag.ts';
