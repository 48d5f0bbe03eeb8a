import type { Lang } from '../../i18n/index.ts';
import { EXPORT_CAP } from '../../lists/columns.ts';
import {
	exportFilename,
	parseListRequest,
	type ListRequest,
	type ListRequestError
} from '../../lists/request.ts';
import type { Runner } from '../extracts/cache.ts';
import type { Scope } from '../extracts/scope.ts';
import { listArrow, listCsv, tooLarge } from './export.ts';
import { cachedSnapshot, loadListPage, unknownProvinces } from './page.ts';
import { readSnapshot, type ListSnapshot } from './snapshot.ts';

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
	const snapshot = await cachedSnapshot(run, scope, request.list, request.filters);
	return serveExport(snapshot, request, lang, cap);
}

/** Every row of the view as CSV or Arrow, in the request's order, or 413 past `cap`. */
function serveExport(
	snapshot: ListSnapshot,
	request: ListRequest,
	lang: Lang,
	cap: number
): Response {
	const total = snapshot.rows.length;
	if (total > cap) {
		return Response.json(
			{ error: tooLarge(total, cap, lang), code: 'too_large', total, cap },
			{ status: 413 }
		);
	}
	const rows = readSnapshot(snapshot, { sort: request.sort, dir: request.dir, lang }, 0, total);
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
