/**
 * Where a request's time went, as a Server-Timing header, when SUJARIT_SERVER_TIMING=1 (the
 * load bench sets it: bench/lib/load/record.ts reads it for the slow extracts). Off by default:
 * the durations say how busy the server is and whether a session or a data version was asked of
 * the database, which a reader has no need to know.
 *
 * Names: `auth` the session's validation (a remembered one costs ~0), `version` the scope's data
 * version (read at most once a second per scope), `lane` a page's wait for a place in the page
 * lane, `draw` SvelteKit's own work for a page or its data (loads and render), `app` the whole
 * handler, from the first hook to the response's headers. A client's time minus `app` is time spent waiting for the event
 * loop or on the wire.
 */
export const serverTimingOn = (): boolean => process.env.SUJARIT_SERVER_TIMING === '1';

export type Timings = Record<string, number>;

/** `work`, its duration added to `timings` under `name` (durations of one name add up). */
export async function timed<T>(
	timings: Timings | undefined,
	name: string,
	work: () => Promise<T>
): Promise<T> {
	if (!timings) return work();
	const t0 = performance.now();
	try {
		return await work();
	} finally {
		timings[name] = (timings[name] ?? 0) + (performance.now() - t0);
	}
}

/** The header's value: `auth;dur=0.1, version;dur=12.3, app;dur=14.0`. */
export function serverTimingHeader(timings: Timings): string {
	return Object.entries(timings)
		.filter(([name]) => /^[a-z][a-z0-9-]*$/.test(name))
		.map(([name, ms]) => `${name};dur=${ms.toFixed(1)}`)
		.join(', ');
}

/** The durations a Server-Timing header carries (the bench's side); unknown parts ignored. */
export function parseServerTiming(header: string): Timings {
	const out: Timings = {};
	for (const part of header.split(',')) {
		const m = /^\s*([a-z][a-z0-9-]*)\s*;\s*dur=([0-9]+(?:\.[0-9]+)?)\s*$/.exec(part);
		if (m) out[m[1]!] = Number(m[2]);
	}
	return out;
}
