import { respond } from '../extracts/http.ts';
import type { Payload } from '../extracts/encode.ts';

/** A release never changes: a year in any cache, never revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Without its tag the URL could outlive a rebuilt database: revalidate (the ETag makes it cheap). */
export const REVALIDATE = 'public, no-cache';

/**
 * GET /api/public/releases/[version]/[name]: the extract, immutable when the URL names the
 * release's tag (as the page's links do), revalidated when it has none. A wrong tag is refused
 * by the caller (404) before this.
 */
export function serveReleaseExtract(
	request: Request,
	payload: Payload,
	tagged: boolean
): Promise<Response> {
	return respond(request, payload, tagged ? IMMUTABLE : REVALIDATE);
}
