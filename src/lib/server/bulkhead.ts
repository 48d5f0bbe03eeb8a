/**
 * A bulkhead: at most `size` calls of `run` in progress; the others wait in order of arrival,
 * before they start (so that a waiting call holds nothing: no connection, no event-loop time).
 * The place of one that ends is handed to the next waiting, never given up in between.
 * Used by the national-computation bulkhead (db/heavy.ts) and the page lane (page-lane.ts).
 */
export interface Bulkhead {
	run<T>(fn: () => Promise<T>): Promise<T>;
	/** In progress and waiting (tests, diagnostics). */
	load(): { running: number; waiting: number };
}

export function bulkhead(size: number): Bulkhead {
	let running = 0;
	const waiting: (() => void)[] = [];
	return {
		async run(fn) {
			if (running < size) running++;
			else await new Promise<void>((resolve) => waiting.push(resolve));
			try {
				return await fn();
			} finally {
				const next = waiting.shift();
				if (next) next();
				else running--;
			}
		},
		load: () => ({ running, waiting: waiting.length })
	};
}
