import { readerOf } from '$lib/server/db';
import * as extracts from '$lib/server/extracts';
import type { RequestHandler } from './$types';

/** An Arrow IPC stream for DuckDB-WASM, of the viewer's scope (extracts.scopeFor). */
export const GET: RequestHandler = async ({ request, params, locals }) => {
	const scope = extracts.scopeFor(locals);
	return extracts.serveExtract(request, readerOf(scope), params.name, scope);
};
