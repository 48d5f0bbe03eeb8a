import { json } from '@sveltejs/kit';
import { isReleaseExtractName } from '$lib/releases/types';
import { parseVersion } from '$lib/releases/version';
import { withScope } from '$lib/server/db';
import { timed } from '$lib/server/server-timing';
import * as releases from '$lib/server/releases';
import { releaseOf } from '$lib/server/releases/latest-version';
import type { RequestHandler } from './$types';

/** The owner of the extracts this server keeps: its one database. */
const APP_RELEASES = Object.freeze({ name: 'app releases' });

/**
 * GET /api/public/releases/3/release_figures?tag=…: one extract of a published release, for
 * DuckDB-WASM on the public page. Anyone may read it (scope 'public': the release tables only).
 * Immutable under its tag; a wrong tag is a 404 (a link from another database or format). The
 * release is looked up once a second and its bytes built once, so a kept extract opens no
 * transaction.
 */
export const GET: RequestHandler = async ({ request, params, url, locals }) => {
	const version = parseVersion(params.version);
	if (version === null) {
		return json({ error: 'malformed release version / เลขฉบับไม่ถูกต้อง' }, { status: 400 });
	}
	if (!isReleaseExtractName(params.name)) {
		return json(
			{ error: `unknown extract / ไม่รู้จักชุดข้อมูล: ${params.name.slice(0, 40)}` },
			{ status: 404 }
		);
	}
	const name = params.name;
	const tag = url.searchParams.get('tag');
	const release = await timed(locals.timings, 'version', () => releaseOf(version));
	if (!release || (tag !== null && tag !== release.tag)) {
		return json({ error: `no such release / ไม่พบข้อมูลเผยแพร่: ${version}` }, { status: 404 });
	}
	const payload = await releases.keptReleaseExtract(APP_RELEASES, release, name, () =>
		withScope({ kind: 'public' }, (db) => releases.buildReleaseExtract(db, release, name), {
			readOnly: true
		})
	);
	return releases.serveReleaseExtract(request, payload, tag !== null);
};
