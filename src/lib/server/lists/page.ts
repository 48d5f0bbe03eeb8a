import { PROVINCES } from '../../../../db/seed/provinces.ts';
import type { Lang } from '../../i18n/index.ts';
import { PAGE_SIZE } from '../../lists/columns.ts';
import type { ListPage } from '../../lists/page.ts';
import type { ListRequest, ListRequestError } from '../../lists/request.ts';
import type { ViewFilters } from '../../state/url-filters.ts';
import { heavy } from '../db/heavy.ts';
import { memoize, type Runner } from '../extracts/cache.ts';
import type { Scope } from '../extracts/scope.ts';
import { viewKey } from '../../state/view-axes.ts';
import { countList, fetchList } from './query.ts';

const KNOWN_PROVINCES = new Set(PROVINCES.map((p) => p.code));

/** A province code of the right shape that is no province (`province=99`) is refused, not ignored. */
export function unknownProvinces(filters: ViewFilters): ListRequestError | null {
	const unknown = filters.provinces.filter((code) => !KNOWN_PROVINCES.has(code));
	if (unknown.length === 0) return null;
	return {
		status: 400,
		code: 'bad_filter',
		message: `ไม่พบจังหวัดรหัส ${unknown.join(', ')} / no province with code ${unknown.join(', ')}`
	};
}

export type PageResult = { ok: true; page: ListPage } | { ok: false; error: ListRequestError };

/**
 * One page of a list, as the page and the JSON API serve it. The count and the page are kept per
 * scope and data version (extracts/cache.ts memo): each is a pass over the national facts with
 * row-level security (not_done: ~1 s for 100,186 rows on the national demo), and readers open
 * the same lists in the same orders.
 */
export async function loadListPage(
	run: Runner,
	scope: Scope,
	request: ListRequest,
	lang: Lang
): Promise<PageResult> {
	const bad = unknownProvinces(request.filters);
	if (bad) return { ok: false, error: bad };
	const query = { ...request, lang };
	const view = viewKey(request.filters);
	const { total, anySynthetic } = await memoize(
		run,
		scope,
		`list-count:${request.list}:${view}`,
		() => heavy(scope, () => run((db) => countList(db, scope, query)))
	);
	const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
	if (request.page > pageCount) {
		return {
			ok: false,
			error: {
				status: 404,
				code: 'bad_page',
				message: `ไม่มีหน้า ${request.page} (มี ${pageCount} หน้า) / page ${request.page} does not exist: ${request.list} has ${pageCount} page(s)`
			}
		};
	}
	const rows = await memoize(
		run,
		scope,
		`list-page:${request.list}:${view}:${request.sort}:${request.dir}:${lang}:${request.page}`,
		() => heavy(scope, () => run((db) => fetchList(db, scope, query, request.page)))
	);
	return {
		ok: true,
		page: {
			list: request.list,
			filters: request.filters,
			sort: request.sort,
			dir: request.dir,
			page: request.page,
			pageSize: PAGE_SIZE,
			pageCount,
			total,
			anySynthetic,
			rows
		}
	};
}
