/**
 * What the public pages ask of the releases on every request, read once a second.
 *
 * The latest published release's version, as the public pages' kept answers key on it
 * ($lib/server/response-cache): releases are immutable and never removed (migration 0006), so
 * the latest version names the whole published state. Read at most once per LATEST_TTL_MS, as
 * the scopes' data versions are (extracts/cache.ts), and in the background from half of it on:
 * a release published by `etl release publish` is seen within about that second; one published
 * through the server, at once (forgetLatestVersion).
 */
import { max } from 'drizzle-orm';
import { releases } from '../../../../db/schema/index.ts';
import { withScope } from '$lib/server/db';
import { Refreshed, RefreshedByKey } from '../kept-reads.ts';
import { releaseByVersion, type Release } from './read.ts';

export const LATEST_TTL_MS = 1_000;

/** '0' before the first release. */
const latest = new Refreshed(
	() =>
		withScope(
			{ kind: 'public' },
			async (db) => {
				const [row] = await db.select({ latest: max(releases.version) }).from(releases);
				return String(row?.latest ?? 0);
			},
			{ readOnly: true }
		),
	LATEST_TTL_MS
);

/**
 * The latest release's version, '0' before the first. Read again in the background from half a
 * second on (Refreshed), so that no request waits for it while readers keep asking.
 */
export function latestVersion(now = Date.now()): Promise<string> {
	return latest.get(now);
}

/**
 * How long a release found by its version is kept (read again in the background from half of
 * it on). A release never changes and is never removed (migration 0006), so only a database
 * rebuilt under a running server could make it stale, and then for at most this long. A version
 * not found is asked again after LATEST_TTL_MS: it may be published meanwhile. At one second for
 * both, the first release extract after a quiet second waited for the lookup's transaction (the
 * load bench's sessions run: 120–140 ms in its first second, two runs out of two).
 */
export const FOUND_RELEASE_TTL_MS = 60_000;

/** Versions asked lately. */
const MAX_VERSIONS = 64;
const byVersion = new RefreshedByKey<Release | null>(
	{
		of: (release) => (release ? FOUND_RELEASE_TTL_MS : LATEST_TTL_MS),
		min: LATEST_TTL_MS
	},
	MAX_VERSIONS
);

/**
 * One release by its version, or null: a found one read again after FOUND_RELEASE_TTL_MS, a
 * missing one after LATEST_TTL_MS, each in the background from half of that on (a public
 * extract's request asks the database nothing when its bytes are kept).
 */
export function releaseOf(version: number, now = Date.now()): Promise<Release | null> {
	return byVersion.get(
		String(version),
		() => withScope({ kind: 'public' }, (db) => releaseByVersion(db, version), { readOnly: true }),
		now
	);
}

/** After a publication through the server: the next request reads the releases again. */
export function forgetLatestVersion(): void {
	latest.forget();
	byVersion.clear();
}
