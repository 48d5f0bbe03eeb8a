import type { Database } from '../../../../db/client.ts';
import type { Lang } from '../../i18n/index.ts';
import { EXPORT_CAP } from '../../lists/columns.ts';
import {
	exportFilename,
	parseListRequest,
	type ListRequest,
	type ListRequestError
} from '../../lists/request.ts';
import { heavy } from '../db/heavy.ts';
import type { Runner } from '../extracts/cache.ts';
import type { Scope } from '../extracts/scope.ts';
import { listArrow, listCsv, tooLarge } from './export.ts';
import { loadListPage, unknownProvinces } from './page.ts';
import { countList, fetchList, type ListQuery } from './query.ts';

const refuse = (error: ListRequestError) =>
	Response.json({ error: error.message, code: error.code }, { status: error.status });

const HEADERS = { 'Cache-Control': 'private, no-cache' };

/**
 * GET /api/lists/[name]: format=json one page; format=csv or arrow every row of the view in the
 * page's order, refused with 413 and a message past EXPORT_CAP rows (never cut short).
 */
export async function serveList(
	run: Runner,
	scope: Scope,
	name: string,
	params: URLSearchParams,
	lang: Lang,
	cap = EXPORT_CAP
): Promise<Response> {
	const parsed = parseListRequest(params, name);
	if (!parsed.ok) return refuse(parsed.error);
	const request = parsed.value;
	if (request.format === 'json') {
		const result = await loadListPage(run, scope, request, lang);
		return result.ok ? Response.json(result.page, { headers: HEADERS }) : refuse(result.error);
	}
	const bad = unknownProvinces(request.filters);
	if (bad) return refuse(bad);
	const query = { ...request, lang };
	return heavy(scope, () => run((db) => serveExport(db, scope, request, query, lang, cap)));
}

/** Every row of the view as CSV or Arrow, in one transaction. */
async function serveExport(
	db: Database,
	scope: Scope,
	request: ListRequest,
	query: ListQuery,
	lang: Lang,
	cap: number
): Promise<Response> {
	const { total } = await countList(db, scope, query);
	if (total > cap) {
		return Response.json(
			{ error: tooLarge(total, cap, lang), code: 'too_large', total, cap },
			{ status: 413 }
		);
	}
	const rows = await fetchList(db, scope, query, null, cap);
	if (request.format === 'csv') {
		const filename = exportFilename(request.list, request.filters, 'csv');
		return new Response(listCsv(request.list, rows, lang), {
			headers: {
				...HEADERS,
				'Content-Type': 'text/csv; charset=utf-8; header=present',
				'Content-Disposition': `attachment; filename="${filename}"`,
				'X-Row-Count': String(rows.length)
			}
		});
	}
	const body = listArrow(request.list, rows);
	return new Response(body as BodyInit, {
		headers: {
			...HEADERS,
			'Content-Type': 'application/vnd.apache.arrow.stream',
			'X-Row-Count': String(rows.length)
		}
	});
}
