/**
 * The page lane: at most PAGE_LANE HTML pages are drawn at once; the others wait here, in order.
 * Drawing a page (server-side rendering, the data serialised into it, its ETag) holds the event
 * loop for 10–40 ms at a time, and everything else the server does waits behind it: under the
 * load campaign (bench/load.ts, 50 readers, no pause between requests) fifty renders in flight
 * meant a cached extract, a list page as JSON or a client navigation's data (under 1 ms of work
 * each) waited 0.3–2 s, and the event loop's delay passed 100 ms. With the lane, those requests
 * are never queued behind more than PAGE_LANE renders; pages wait for one another instead, which
 * changes nothing for them (the core draws one at a time either way).
 * SUJARIT_PAGE_LANE overrides the default (6). A drawing page holds its place while its loads wait
 * on PostgreSQL too: with 3 places, the sessions run's slow pages had waited 714 ms (median) for
 * one and drawn in 122; with 6, pages p99 365 ms (was 858), extracts 75 (86), event loop 24 (30),
 * and in the saturation run pages 862 (1,131), extracts 147 (164), event loop 75 (91).
 */
import { bulkhead } from './bulkhead.ts';

const PAGE_LANE = Math.max(1, Number(process.env.SUJARIT_PAGE_LANE) || 6);

const lane = bulkhead(PAGE_LANE);

/** Runs `draw` when a place in the lane is free (first come, first served). */
export const inPageLane = <T>(draw: () => Promise<T>): Promise<T> => lane.run(draw);

/** Pages being drawn and waiting (tests, diagnostics). */
export const pageLane = (): { drawing: number; waiting: number } => {
	const { running, waiting } = lane.load();
	return { drawing: running, waiting };
};

/** A request whose answer is an HTML page (not an API, not a client navigation's data). */
export function isPageRequest(request: Request, pathname: string, isDataRequest: boolean): boolean {
	return (
		request.method === 'GET' &&
		!isDataRequest &&
		!pathname.startsWith('/api/') &&
		(request.headers.get('accept') ?? '').includes('text/html')
	);
}
