/**
 * What the public pages ask of the releases on every request, read once a second.
 *
 * The latest published release's version, as the public pages' kept answers key on it
 * ($lib/server/response-cache): releases are immutable and never removed (migration 0006), so
 * the latest version names the whole published state. Read at most once per LATEST_TTL_MS, as
 * the scopes' data versions are (extracts/cache.ts): a release published by `etl release
 * publish` is seen within that second; one published through the server, at once
 * (forgetLatestVersion).
 */
import { max } from 'drizzle-orm';
import { releases } from '../../../../db/schema/index.ts';
import { withScope } from '$lib/server/db';
import { releaseByVersion, type Release } from './read.ts';

export const LATEST_TTL_MS = 1_000;

let kept: { until: number; version: Promise<string> } | null = null;

/** '0' before the first release. */
export function latestVersion(now = Date.now()): Promise<string> {
	if (kept && now < kept.until) return kept.version;
	const version = withScope(
		{ kind: 'public' },
		async (db) => {
			const [row] = await db.select({ latest: max(releases.version) }).from(releases);
			return String(row?.latest ?? 0);
		},
		{ readOnly: true }
	);
	const entry = { until: now + LATEST_TTL_MS, version };
	kept = entry;
	// A failed read is not kept: the next request asks again.
	version.catch(() => {
		if (kept === entry) kept = null;
	});
	return version;
}

/** Versions asked within the second; a release never changes, so only a rebuilt database ages it. */
const byVersion = new Map<number, { until: number; release: Promise<Release | null> }>();
const MAX_VERSIONS = 64;

/**
 * One release by its version, or null, read at most once per LATEST_TTL_MS (a public extract's
 * request asks the database nothing when its bytes are kept).
 */
export function releaseOf(version: number, now = Date.now()): Promise<Release | null> {
	const hit = byVersion.get(version);
	if (hit && now < hit.until) return hit.release;
	const release = withScope({ kind: 'public' }, (db) => releaseByVersion(db, version), {
		readOnly: true
	});
	const entry = { until: now + LATEST_TTL_MS, release };
	byVersion.delete(version);
	byVersion.set(version, entry);
	if (byVersion.size > MAX_VERSIONS) byVersion.delete(byVersion.keys().next().value!);
	release.catch(() => {
		if (byVersion.get(version) === entry) byVersion.delete(version);
	});
	return release;
}

/** After a publication through the server: the next request reads the releases again. */
export function forgetLatestVersion(): void {
	kept = null;
	byVersion.clear();
}
