/**
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

/** After a publication through the server: the next request reads the latest version again. */
export function forgetLatestVersion(): void {
	kept = null;
}
