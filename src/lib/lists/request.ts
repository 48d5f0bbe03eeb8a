import { parseFilters, writeFilters, type ViewFilters } from '../state/url-filters.ts';
import {
	DEFAULT_SORT,
	isListName,
	LIST_COLUMNS,
	LIST_NAMES,
	type ListName,
	type SortDir
} from './columns.ts';

export const FORMATS = ['json', 'csv', 'arrow'] as const;
export type ListFormat = (typeof FORMATS)[number];

/** What one request for a list asks: the view, the order, the page and the format. */
export interface ListRequest {
	list: ListName;
	filters: ViewFilters;
	sort: string;
	dir: SortDir;
	/** 1-based. */
	page: number;
	format: ListFormat;
}

/** A request we refuse, with the reason in both languages (STYLE habit 3: where and why). */
export interface ListRequestError {
	status: 400 | 404;
	code: 'unknown_list' | 'bad_filter' | 'bad_sort' | 'bad_page' | 'bad_format';
	message: string;
}

export type Parsed = { ok: true; value: ListRequest } | { ok: false; error: ListRequestError };

/** 1,000,000 pages of 100 is far past any list; a longer number is not a page. */
const PAGE_PATTERN = /^[1-9]\d{0,5}$/;

const clip = (v: string) => (v.length > 40 ? `${v.slice(0, 40)}…` : v);

/**
 * Reads `list`, the view filters, `sort`, `dir`, `page` and `format`. Anything not understood is
 * refused, never dropped: a silently ignored filter would show a wider list than was asked for.
 * `list` may come from the path (the API) or the query (the page).
 */
export function parseListRequest(params: URLSearchParams, listName?: string | null): Parsed {
	const fail = (
		code: ListRequestError['code'],
		message: string,
		status: 400 | 404 = 400
	): Parsed => ({ ok: false, error: { status, code, message } });
	const name = listName ?? params.get('list') ?? LIST_NAMES[0];
	if (!isListName(name)) {
		return fail(
			'unknown_list',
			`ไม่มีรายการชื่อ “${clip(name)}” / unknown list “${clip(name)}”: one of ${LIST_NAMES.join(', ')}`,
			// A path that names no list is no resource (404); a bad ?list= is a bad request (400).
			listName === undefined || listName === null ? 400 : 404
		);
	}
	const { filters, rejected } = parseFilters(params);
	if (rejected.length > 0) {
		return fail(
			'bad_filter',
			`ตัวกรองไม่ถูกต้อง / filter not understood: ${rejected.slice(0, 5).map(clip).join(', ')}`
		);
	}
	const sortable = LIST_COLUMNS[name].filter((c) => c.sortable).map((c) => c.key);
	const sort = params.get('sort') ?? DEFAULT_SORT[name].sort;
	if (!sortable.includes(sort)) {
		return fail(
			'bad_sort',
			`เรียงตาม “${clip(sort)}” ไม่ได้ / cannot sort ${name} by “${clip(sort)}”: one of ${sortable.join(', ')}`
		);
	}
	const dir = params.get('dir') ?? DEFAULT_SORT[name].dir;
	if (dir !== 'asc' && dir !== 'desc') {
		return fail(
			'bad_sort',
			`ทิศทางต้องเป็น asc หรือ desc / dir must be asc or desc, not “${clip(dir)}”`
		);
	}
	const pageText = params.get('page') ?? '1';
	if (!PAGE_PATTERN.test(pageText)) {
		return fail(
			'bad_page',
			`หน้าไม่ถูกต้อง / page must be a whole number from 1 to 999999, not “${clip(pageText)}”`
		);
	}
	const format = params.get('format') ?? 'json';
	if (!(FORMATS as readonly string[]).includes(format)) {
		return fail(
			'bad_format',
			`รูปแบบ “${clip(format)}” ไม่รองรับ / format must be one of ${FORMATS.join(', ')}`
		);
	}
	return {
		ok: true,
		value: { list: name, filters, sort, dir, page: Number(pageText), format: format as ListFormat }
	};
}

/** The query string of a request (filters first, in the codec's fixed order). */
export function listSearch(
	request: Pick<ListRequest, 'filters' | 'sort' | 'dir' | 'page'> & { format?: ListFormat },
	extra: Record<string, string> = {}
): string {
	const params = writeFilters(request.filters);
	params.set('sort', request.sort);
	params.set('dir', request.dir);
	params.set('page', String(request.page));
	if (request.format) params.set('format', request.format);
	for (const [k, v] of Object.entries(extra)) params.set(k, v);
	return params.toString();
}

/** `sujarit-not_done-province-52-fy-2568.csv`: the list and the view, readable in a folder. */
export function exportFilename(
	list: ListName,
	filters: ViewFilters,
	ext: 'csv' | 'parquet'
): string {
	const parts: string[] = ['sujarit', list];
	const axes: [string, readonly (string | number)[]][] = [
		['province', filters.provinces],
		['type', filters.laoTypes],
		['dim', filters.dimensions],
		['fy', filters.fiscalYears],
		['verdict', filters.verdicts]
	];
	for (const [label, values] of axes) {
		if (values.length > 0) parts.push(label, values.join('+'));
	}
	return `${parts.join('-')}.${ext}`;
}
