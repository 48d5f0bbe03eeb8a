/**
 * Publishing a release: one transaction, in national scope, that numbers the next version and
 * copies the snapshot (snapshot.ts) into the release tables. Releases are never changed after
 * (no UPDATE or DELETE for the app role; triggers hold the owner to it: migration 0006).
 *
 * Deliberately free of SvelteKit imports: the /publish action and the operator's CLI
 * (`npm run etl -- release publish`) both call it.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { queryRows } from '../../../../db/rows.ts';
import { releases } from '../../../../db/schema/releases.ts';
import { dataVersion } from '../extracts/data-version.ts';
import { toRelease, type Release } from './read.ts';
import { DOCUMENTS_SELECT, FIGURES_SELECT, LAOS_SELECT } from './snapshot.ts';

export interface PublishOptions {
	/** The analyst's account id; null when the operator publishes from the command line. */
	publishedBy: number | null;
	/** Already validated (src/lib/releases/note.ts). */
	note: string;
	now: Date;
}

/** Publishing outside national scope is a caller's bug: the checks belong before this call. */
export class ReleaseScopeError extends Error {
	readonly code = 'release_scope';
	constructor(readonly scope: string | null) {
		super(`publishing a release needs national scope, not '${scope ?? 'unset'}'`);
		this.name = 'ReleaseScopeError';
	}
}

/** Serialises publishers (two analysts clicking at once get versions N and N+1, never a clash). */
const PUBLISH_LOCK = sql`select pg_advisory_xact_lock(hashtext('sujarit.publish_release'))`;

async function currentScope(db: Database): Promise<string | null> {
	const [row] = await queryRows<{ scope: string | null }>(
		db,
		sql`select current_setting('sujarit.scope', true) as scope`
	);
	return row?.scope || null;
}

/**
 * Publishes the next release of what the live tables hold now and returns it. `db` must be a
 * transaction in national scope (src/lib/server/db `withScope`, or `inScope` from a script).
 */
export async function publishRelease(db: Database, options: PublishOptions): Promise<Release> {
	const scope = await currentScope(db);
	if (scope !== 'national') throw new ReleaseScopeError(scope);
	return db.transaction(async (txn) => {
		const tx = txn as unknown as Database;
		await tx.execute(PUBLISH_LOCK);
		const [counts] = await queryRows<{ next: number; documents: number; synthetic: boolean }>(
			tx,
			sql`select
				(select coalesce(max(version), 0) + 1 from releases)::int as next,
				(select count(*) from (${DOCUMENTS_SELECT}) d)::int as documents,
				(exists (select 1 from (${DOCUMENTS_SELECT}) d where d.is_synthetic)
					or exists (select 1 from fact_cube where is_synthetic)) as synthetic`
		);
		if (!counts) throw new Error('publishRelease: the counting query returned no row');
		const [row] = await tx
			.insert(releases)
			.values({
				version: counts.next,
				publishedAt: options.now,
				publishedBy: options.publishedBy,
				note: options.note,
				dataVersion: await dataVersion(tx),
				documentCount: counts.documents,
				includesSynthetic: counts.synthetic
			})
			.returning();
		if (!row) throw new Error('publishRelease: the insert returned no row');
		await tx.execute(sql`
			insert into release_figures (release_id, province_code, lao_type, fiscal_year, dimension,
				is_synthetic, plan_items, planned_baht, zero_budget_items, report_items, done, not_done,
				in_progress, pending, disbursed_baht)
			select ${row.id}::int, f.* from (${FIGURES_SELECT}) f`);
		await tx.execute(sql`
			insert into release_laos (release_id, lao_dla_code, province_code, lao_type, name_th,
				fiscal_year, has_annual_plan, has_report, is_synthetic)
			select ${row.id}::int, l.* from (${LAOS_SELECT}) l`);
		await tx.execute(sql`
			insert into release_documents (release_id, source_document_id, sha256, kind, verdict,
				lao_dla_code, lao_name_th, lao_type, province_code, fiscal_years, item_count,
				is_synthetic)
			select ${row.id}::int, d.* from (${DOCUMENTS_SELECT}) d`);
		return toRelease(row);
	});
}
