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

/** A read-only transaction in scope 'public', opened only for a read that is not kept. */
export type PublicRun = <T>(fn: (db: Database) => Promise<T>) => Promise<T>;

/**
 * The release's reads for `filters`, from what is kept where it can be. A read that is not kept
 * opens a transaction of its own through `run`, beside the others: a reader waiting for a read
 * that another reader started holds no connection, and a view read before costs none.
 */
export async function readReleaseView(
	run: PublicRun,
	release: Pick<Release, 'id' | 'tag'>,
	filters: ViewFilters
): Promise<ReleaseViewReads> {
	const { id, tag } = release;
	const chosen = filters.provinces.length > 0;
	const places = JSON.stringify([filters.provinces, filters.laoTypes, filters.fiscalYears]);
	const read = <T>(what: string, axes: string, fn: (db: Database) => Promise<T>) =>
		kept.get(`${tag}|${what}|${axes}`, () => run(fn));
	const [years, figures, provinceCounts, laos, documentCounts, documents] = await Promise.all([
		read('years', '', (db) => releaseYears(db, id)),
		read('figures', viewKey(filters), (db) => releaseViewFigures(db, id, filters)),
		read('provinces', JSON.stringify([filters.laoTypes, filters.fiscalYears]), (db) =>
			provinceLaoCounts(db, id, filters)
		),
		chosen ? read('laos', places, (db) => releaseLaoList(db, id, filters)) : null,
		read('counts', '', (db) => releaseDocumentCounts(db, id)),
		read('documents', places, (db) =>
			releaseDocumentList(db, id, filters, chosen ? undefined : DOCUMENTS_PREVIEW)
		)
	]);
	return { years, figures, provinceCounts, laos, documentCounts, documents };
}

/** How many reads are kept (tests). */
export function keptReleaseReads(): number {
	return kept.size;
}

/** Forgets every kept read (tests). */
export function forgetReleaseReads(): void {
	kept.clear();
}
