import { error } from '@sveltejs/kit';
import { parseListRequest } from '$lib/lists/request';
import { readerOf } from '$lib/server/db';
import * as extracts from '$lib/server/extracts';
import * as lists from '$lib/server/lists';
import type { PageServerLoad } from './$types';

/** /lists?list=not_done&province=15&sort=budget&dir=desc&page=2: the first page from the server. */
export const load: PageServerLoad = async ({ url, parent, locals }) => {
	const { lang } = await parent();
	const parsed = parseListRequest(url.searchParams);
	if (!parsed.ok) error(parsed.error.status, parsed.error.message);
	const request = { ...parsed.value, format: 'json' as const };
	const scope = extracts.scopeFor(locals);
	const run = readerOf(scope);
	const result = await lists.loadListPage(run, scope, request, lang);
	if (!result.ok) error(result.error.status, result.error.message);
	return { lang, page: result.page };
};
