import { readerOf } from '$lib/server/db';
import * as extracts from '$lib/server/extracts';
import { timed } from '$lib/server/server-timing';
import type { RequestHandler } from './$types';

/** An Arrow IPC stream for DuckDB-WASM, of the viewer's scope (extracts.scopeFor). */
export const GET: RequestHandler = async ({ request, params, locals }) => {
	const scope = extracts.scopeFor(locals);
	const run = readerOf(scope);
	// Timed apart (Server-Timing, when on): the version read is the only database round trip a
	// kept extract may wait for; serveExtract then finds it already read.
	if (locals.timings) await timed(locals.timings, 'version', () => extracts.versionOf(run, scope));
	return extracts.serveExtract(request, run, params.name, scope);
};
