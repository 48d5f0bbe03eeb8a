import { UnknownExtractError } from './build.ts';
import { cachedExtract, cachedOverview, type Payload, type Runner } from './cache.ts';
import type { Scope } from './scope.ts';

export type Encoding = 'br' | 'gzip' | 'identity';

/** brotli if the client accepts it, else gzip, else identity (RFC 9110 §12.5.3, q-values). */
export function negotiateEncoding(acceptEncoding: string | null): Encoding {
	const q = new Map<string, number>();
	for (const part of (acceptEncoding ?? '').split(',')) {
		const [token = '', ...params] = part.trim().toLowerCase().split(';');
		const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		if (token) q.set(token, qParam ? Number(qParam.slice(2)) || 0 : 1);
	}
	const accepts = (coding: string) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
	if (accepts('br')) return 'br';
	if (accepts('gzip')) return 'gzip';
	return 'identity';
}

/** If-None-Match against our (weak) ETag, by weak comparison as RFC 9110 §13.1.2 asks. */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
	return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/** Revalidate every time (the ETag makes that a 304), and never in a shared cache. */
const CACHE_CONTROL = 'private, no-cache';

/**
 * The payload in the encoding the client accepts, or 304 when its ETag matches. Scoped data is
 * revalidated privately (the default; hooks.server.ts then makes it no-store); a published
 * release, which never changes, passes `public, max-age=31536000, immutable`.
 */
export async function respond(
	request: Request,
	payload: Payload,
	cacheControl: string = CACHE_CONTROL
): Promise<Response> {
	const headers = new Headers({
		ETag: payload.etag,
		'Cache-Control': cacheControl,
		Vary: 'Accept-Encoding',
		'X-Data-Version': payload.dataVersion
	});
	if (matchesEtag(request.headers.get('if-none-match'), payload.etag)) {
		return new Response(null, { status: 304, headers });
	}
	const encoding = negotiateEncoding(request.headers.get('accept-encoding'));
	const body =
		encoding === 'br' ? payload.br : encoding === 'gzip' ? await payload.gzip() : payload.identity;
	headers.set('Content-Type', payload.contentType);
	headers.set('Content-Length', String(body.byteLength));
	if (encoding !== 'identity') headers.set('Content-Encoding', encoding);
	return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
}

/** GET /api/extracts/[name]: the extract in scope, or 404 JSON for a name we do not know. */
export async function serveExtract(
	request: Request,
	run: Runner,
	name: string,
	scope: Scope
): Promise<Response> {
	try {
		return respond(request, await cachedExtract(run, name, scope));
	} catch (error) {
		if (error instanceof UnknownExtractError) {
			return Response.json({ error: error.message }, { status: 404 });
		}
		throw error;
	}
}

/** GET /api/overview: the pre-aggregate JSON with the same caching as the extracts. */
export async function serveOverview(request: Request, run: Runner, scope: Scope) {
	return respond(request, await cachedOverview(run, scope));
}
