import { withScope } from '$lib/server/db';
import * as extracts from '$lib/server/extracts';
import type { RequestHandler } from './$types';

/** An Arrow IPC stream for DuckDB-WASM; the scope comes from extracts.scopeFor (the access TODO). */
export const GET: RequestHandler = async ({ request, params, locals }) => {
	const scope = extracts.scopeFor(locals);
	return withScope(scope, (db) => extracts.serveExtract(request, db, params.name, scope), {
		readOnly: true
	});
};
