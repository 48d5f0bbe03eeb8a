/**
 * What a release page reads for one view, kept while the server runs: a release is immutable,
 * so each read is kept under the release's tag and the view axes it depends on, and no wider.
 * - the years and the document counts: per release, whatever the view;
 * - the documents and the LAOs: per province, LAO type and fiscal year (neither has a มิติ);
 * - the per-province counts: per LAO type and fiscal year (the map shows every province);
 * - the figures: per whole view.
 * So a reader who changes the มิติ asks the database for the figures only. Readers who ask for
 * the same read at once share one query (KeptReads). On the national demo (82,303 documents),
 * the documents and their counts cost 450–490 ms each when PostgreSQL reads them cold.
 */
import type { Database } from '../../../../db/client.ts';
import type { ReleasePageData } from '../../releases/types.ts';
import type { ViewFilters } from '../../state/url-filters.ts';
import { viewKey } from '../../state/view-axes.ts';
import { KeptReads } from '../kept-reads.ts';
import { releaseViewFigures } from './figures.ts';
import {
	provinceLaoCounts,
	releaseDocumentCounts,
	releaseDocumentList,
	releaseLaoList
} from './lists.ts';
import type { Release } from './read.ts';
import { releaseYears } from './years.ts';

/** Without a province chosen, the page lists this many documents (and says how many there are). */
export const DOCUMENTS_PREVIEW = 20;

/** What a release's page reads for one view: the same for ever, since a release never changes. */
export type ReleaseViewReads = Pick<
	ReleasePageData,
	'years' | 'figures' | 'provinceCounts' | 'laos' | 'documentCounts' | 'documents'
>;

/** Six reads per view: room for about 200 views of a few releases. */
const kept = new KeptReads(1_200);

/** The release's reads for `filters`, from what is kept where it can be. */
export async function readReleaseView(
	db: Database,
	release: Pick<Release, 'id' | 'tag'>,
	filters: ViewFilters
): Promise<ReleaseViewReads> {
	const { id, tag } = release;
	const chosen = filters.provinces.length > 0;
	const places = JSON.stringify([filters.provinces, filters.laoTypes, filters.fiscalYears]);
	const read = <T>(what: string, axes: string, fn: () => Promise<T>) =>
		kept.get(`${tag}|${what}|${axes}`, fn);
	// One after the other: they share the reader's transaction, which is one connection.
	return {
		years: await read('years', '', () => releaseYears(db, id)),
		figures: await read('figures', viewKey(filters), () => releaseViewFigures(db, id, filters)),
		provinceCounts: await read(
			'provinces',
			JSON.stringify([filters.laoTypes, filters.fiscalYears]),
			() => provinceLaoCounts(db, id, filters)
		),
		laos: chosen ? await read('laos', places, () => releaseLaoList(db, id, filters)) : null,
		documentCounts: await read('counts', '', () => releaseDocumentCounts(db, id)),
		documents: await read('documents', places, () =>
			releaseDocumentList(db, id, filters, chosen ? undefined : DOCUMENTS_PREVIEW)
		)
	};
}

/** How many reads are kept (tests). */
export function keptReleaseReads(): number {
	return kept.size;
}

/** Forgets every kept read (tests). */
export function forgetReleaseReads(): void {
	kept.clear();
}
