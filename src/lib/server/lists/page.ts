import { PROVINCES } from '../../../../db/seed/provinces.ts';
import type { Lang } from '../../i18n/index.ts';
import { PAGE_SIZE, type ListName } from '../../lists/columns.ts';
import type { ListPage } from '../../lists/page.ts';
import type { ListRequest, ListRequestError } from '../../lists/request.ts';
import type { ViewFilters } from '../../state/url-filters.ts';
import { heavy } from '../db/heavy.ts';
import { memoize, type Bucket, type Runner } from '../extracts/cache.ts';
import type { Scope } from '../extracts/scope.ts';
import { viewKey } from '../../state/view-axes.ts';
import { readSnapshot, snapshotList, type ListSnapshot } from './snapshot.ts';

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
 * The list snapshots one scope keeps. On the national demo the largest, zero_budget, is 239,643
 * rows: 35 MB, of which 1.4 MB on V8's heap (the rest typed arrays; as objects, 55 MB, 37 of
 * them on the heap).
 */
export const LIST_SNAPSHOTS: Bucket = { name: 'list-snapshots', max: 8 };

/**
 * Every row of a list in the scope and view, in every order, kept per scope and data version
 * (extracts/cache.ts): one statement builds it (snapshot.ts), national ones through the bulkhead,
 * and every page, sort, count and export of that list and view is cut from it in memory.
 */
export function cachedSnapshot(
	run: Runner,
	scope: Scope,
	list: ListName,
	filters: ViewFilters
): Promise<ListSnapshot> {
	return memoize(
		run,
		scope,
		`list-snapshot:${list}:${viewKey(filters)}`,
		() => heavy(scope, () => run((db) => snapshotList(db, scope, list, filters))),
		LIST_SNAPSHOTS
	);
}

/** One page of a list, as the page and the JSON API serve it (cut from the cached snapshot). */
export async function loadListPage(
	run: Runner,
	scope: Scope,
	request: ListRequest,
	lang: Lang
): Promise<PageResult> {
	const bad = unknownProvinces(request.filters);
	if (bad) return { ok: false, error: bad };
	const snapshot = await cachedSnapshot(run, scope, request.list, request.filters);
	const total = snapshot.rows.length;
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
	const order = { sort: request.sort, dir: request.dir, lang };
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
			anySynthetic: snapshot.anySynthetic,
			rows: readSnapshot(snapshot, order, (request.page - 1) * PAGE_SIZE, PAGE_SIZE)
		}
	};
}
