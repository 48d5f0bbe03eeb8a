import { readerOf } from '$lib/server/db';
import * as extracts from '$lib/server/extracts';
import type { RequestHandler } from './$types';

/** The overview pre-aggregate as JSON: the first chart, before DuckDB-WASM is ready. */
export const GET: RequestHandler = async ({ request, locals }) => {
	const scope = extracts.scopeFor(locals);
	return extracts.serveOverview(request, readerOf(scope), scope);
};
