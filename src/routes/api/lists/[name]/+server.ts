import { isLang, type Lang } from '$lib/i18n';
import { readerOf } from '$lib/server/db';
import * as extracts from '$lib/server/extracts';
import * as lists from '$lib/server/lists';
import type { RequestHandler } from './$types';

/** One list as JSON (a page), CSV or Arrow IPC (every row of the view); scope from extracts. */
export const GET: RequestHandler = async ({ params, url, cookies, locals }) => {
	const asked = url.searchParams.get('lang') ?? cookies.get('lang');
	const lang: Lang = isLang(asked) ? asked : 'th';
	const scope = extracts.scopeFor(locals);
	const run = readerOf(scope);
	return lists.serveList(run, scope, params.name, url.searchParams, lang);
};
