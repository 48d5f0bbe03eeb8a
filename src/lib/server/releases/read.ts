/**
 * The public pages' reads: releases and their snapshot tables, nothing else (they run in scope
 * 'public', where row-level security shows only these tables and the provinces).
 */
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { releases } from '../../../../db/schema/releases.ts';
import type { ReleaseSummary } from '../../releases/types.ts';
import { releaseTag } from './tag.ts';

/** A release row with its surrogate id, for the reads that follow (never sent to a browser). */
export interface Release extends ReleaseSummary {
	id: number;
	dataVersion: string;
	publishedBy: number | null;
}

const COLUMNS = {
	id: releases.id,
	version: releases.version,
	publishedAt: releases.publishedAt,
	publishedBy: releases.publishedBy,
	note: releases.note,
	dataVersion: releases.dataVersion,
	documentCount: releases.documentCount,
	includesSynthetic: releases.includesSynthetic
};

type Row = { publishedAt: Date } & Omit<Release, 'publishedAt' | 'tag'>;

export function toRelease(row: Row): Release {
	return { ...row, publishedAt: row.publishedAt.toISOString(), tag: releaseTag(row) };
}

/** What a browser may see of a release (no surrogate id, no publisher, no data version). */
export function summaryOf(release: Release): ReleaseSummary {
	const { version, publishedAt, note, documentCount, includesSynthetic, tag } = release;
	return { version, publishedAt, note, documentCount, includesSynthetic, tag };
}

/** Every release, newest first. */
export async function listReleases(db: Database): Promise<Release[]> {
	const rows = await db.select(COLUMNS).from(releases).orderBy(desc(releases.version));
	return rows.map(toRelease);
}

/** The newest release, or null when nothing was published yet. */
export async function latestRelease(db: Database): Promise<Release | null> {
	const [row] = await db.select(COLUMNS).from(releases).orderBy(desc(releases.version)).limit(1);
	return row ? toRelease(row) : null;
}

/** One release by its public version number, or null. */
export async function releaseByVersion(db: Database, version: number): Promise<Release | null> {
	const [row] = await db.select(COLUMNS).from(releases).where(eq(releases.version, version));
	return row ? toRelease(row) : null;
}
