import { error } from '@sveltejs/kit';
import { readerOf } from '$lib/server/db';
import * as extracts from '$lib/server/extracts';
import { isKnownProvince, provinceOptions } from '$lib/server/risk/provinces';
import { cachedSortedRanking } from '$lib/server/risk/cached';
import { pageOf, parseTableParams } from '$lib/server/risk/table-params';
import { parseFilters } from '$lib/state/url-filters';
import type { PageServerLoad } from './$types';

/**
 * /risk: every LAO with data in scope, scored against its peers (src/lib/server/risk/score.ts).
 * View filters travel in the URL (url-filters.ts): values not understood are ignored and listed
 * in a notice; the table's own parameters (sort, dir, page) are 400 when wrong, 404 past the end.
 */
export const load: PageServerLoad = async ({ url, parent, locals }) => {
	const { lang } = await parent();
	const table = parseTableParams(url.searchParams);
	if (!table.ok) {
		error(400, `${table.param}=${table.value.slice(0, 40)}: expected ${table.reason}`);
	}
	const { filters, rejected } = parseFilters(url.searchParams);
	// A well-formed province code that is not a province is ignored the same way.
	const unknown = filters.provinces.filter((code) => !isKnownProvince(code));
	filters.provinces = filters.provinces.filter((code) => isKnownProvince(code));
	rejected.push(...unknown.map((code) => `province=${code}`));

	const scope = extracts.scopeFor(locals);
	const { sort, dir, page } = table.params;
	// Kept per scope, data version, view and order (risk/cached.ts): a ranking is seconds of SQL.
	const run = readerOf(scope);
	const { ranking, sorted } = await cachedSortedRanking(run, scope, filters, sort, dir);
	const shown = pageOf(sorted, page);
	if (!shown) error(404, `page ${page} is past the last page`);
	return {
		lang,
		filters,
		rejected: rejected.map((r) => r.slice(0, 60)),
		table: table.params,
		rows: shown.items,
		page: shown.page,
		pageCount: shown.pageCount,
		total: shown.total,
		ranked: ranking.rows.filter((r) => r.rank !== null).length,
		years: ranking.years,
		provinces: provinceOptions(scope),
		includesSynthetic: ranking.includesSynthetic
	};
};
