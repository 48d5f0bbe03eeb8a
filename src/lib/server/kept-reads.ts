import { AsyncResource } from 'node:async_hooks';

/**
 * The two ways the server keeps what it read (the extracts' caches, the releases, the scopes'
 * data versions all use them):
 *  - `keep`/KeptReads: a promise kept from its start under a key, for data that cannot change
 *    under that key (a release by its tag; a scope's extract for one data version);
 *  - Refreshed/RefreshedByKey: a value that can change (the latest release, a scope's data
 *    version), read again at most once per TTL and in the background from half of it on.
 * In both, a failed read is never kept.
 */

/**
 * Where kept reads start: outside any request. On Node 20 every promise made while a request
 * runs carries that request's AsyncLocalStorage store (SvelteKit's: the whole RequestEvent, its
 * locals, their SVG), and a promise kept for minutes kept the request with it: a heap snapshot
 * in the middle of a load run found ~1,900 requests' events held from the extracts' caches
 * alone (payloads → Promise → kResourceStore → event). A resource made at module load has no
 * store, so what starts in its scope carries none.
 */
const detached = new AsyncResource('sujarit.kept-read');

/**
 * `fn()` run outside the caller's request (see `detached`): for what outlives the request, a
 * kept read or a timer.
 */
export function outsideRequest<T>(fn: () => T): T {
	return detached.runInAsyncScope(fn);
}

/**
 * `make()`'s promise kept in `map` under `key` from its start, so that readers who ask while it
 * runs share it; most recently asked last, at most `max` (the first key goes). A promise that
 * rejects is removed (if still the one kept): its readers see the error, the next one asks again.
 */
export function keep<T>(
	map: Map<string, Promise<T>>,
	key: string,
	max: number,
	make: () => Promise<T>
): Promise<T> {
	let entry = map.get(key);
	if (entry) map.delete(key);
	else {
		const started = outsideRequest(make);
		entry = started;
		started.catch(() => {
			if (map.get(key) === started) map.delete(key);
		});
	}
	map.set(key, entry);
	if (map.size > max) map.delete(map.keys().next().value!);
	return entry;
}

/**
 * Reads of data that never changes under its key (a release, by its tag), kept while the server
 * runs, at most `max` of them (least recently asked out first).
 *
 * What is kept is the read's promise, from the moment it starts: readers who ask for the same key
 * while it runs share that one read instead of each sending the same query (the load campaign saw
 * two identical 450 ms reads of a release's documents start in the same millisecond). A read that
 * fails is not kept: the next reader asks again.
 */
export class KeptReads {
	readonly #max: number;
	readonly #kept = new Map<string, Promise<unknown>>();

	constructor(max: number) {
		if (!Number.isInteger(max) || max < 1) throw new RangeError(`max must be ≥ 1, got ${max}`);
		this.#max = max;
	}

	/** The kept (or running) read of `key`, or a new one from `read`. */
	get<T>(key: string, read: () => Promise<T>): Promise<T> {
		return keep(this.#kept, key, this.#max, read) as Promise<T>;
	}

	get size(): number {
		return this.#kept.size;
	}

	clear(): void {
		this.#kept.clear();
	}
}

/**
 * A value that can change, read again at most once per `ttlMs`. From half of it on, the kept
 * value still answers while one fresh read runs beside it, and replaces it once done: readers of
 * a value asked often never wait for it, and none gets a value read more than `ttlMs` before
 * (plus the read's own time). Past `ttlMs` without a fresh one, the reader waits for a new read.
 * A failed read is not kept: a failed refresh leaves the kept value to run out its time.
 *
 * `ttlMs` may depend on the value read (a function of it): the time then starts from the read's
 * start as always, and stands at the shortest the function can give until the value is known.
 * So an immutable thing once found can be kept long while its absence is asked again soon.
 */
export class Refreshed<T> {
	readonly #read: () => Promise<T>;
	readonly #ttlOf: (value: T) => number;
	readonly #minTtlMs: number;
	#kept: { value: Promise<T>; until: number; refreshAt: number; refreshing: boolean } | null = null;

	constructor(read: () => Promise<T>, ttlMs: number | { of: (value: T) => number; min: number }) {
		this.#read = read;
		if (typeof ttlMs === 'number') {
			this.#ttlOf = () => ttlMs;
			this.#minTtlMs = ttlMs;
		} else {
			this.#ttlOf = ttlMs.of;
			this.#minTtlMs = ttlMs.min;
		}
	}

	get(now = Date.now()): Promise<T> {
		const hit = this.#kept;
		if (hit && now < hit.until) {
			if (now >= hit.refreshAt && !hit.refreshing) {
				hit.refreshing = true;
				const next = this.#start(now, false);
				next.value.then(
					() => {
						if (this.#kept === hit) this.#kept = next;
					},
					() => {
						hit.refreshing = false;
					}
				);
			}
			return hit.value;
		}
		const entry = this.#start(now, true);
		this.#kept = entry;
		return entry.value;
	}

	/** The next reader reads again (a change made through this server). */
	forget(): void {
		this.#kept = null;
	}

	#start(now: number, kept: boolean) {
		const entry = {
			value: outsideRequest(this.#read),
			until: now + this.#minTtlMs,
			refreshAt: now + this.#minTtlMs / 2,
			refreshing: false
		};
		entry.value.then(
			(value) => {
				const ttl = this.#ttlOf(value);
				entry.until = now + ttl;
				entry.refreshAt = now + ttl / 2;
			},
			() => {
				if (kept && this.#kept === entry) this.#kept = null;
			}
		);
		return entry;
	}
}

/**
 * A Refreshed value per key (a scope, a release's version), at most `max` keys, the least
 * recently asked out first. Each key's value is read by the `read` given when it was first asked.
 */
export class RefreshedByKey<T> {
	readonly #ttlMs: ConstructorParameters<typeof Refreshed<T>>[1];
	readonly #max: number;
	readonly #byKey = new Map<string, Refreshed<T>>();

	constructor(ttlMs: ConstructorParameters<typeof Refreshed<T>>[1], max: number) {
		if (!Number.isInteger(max) || max < 1) throw new RangeError(`max must be ≥ 1, got ${max}`);
		this.#ttlMs = ttlMs;
		this.#max = max;
	}

	get(key: string, read: () => Promise<T>, now = Date.now()): Promise<T> {
		let kept = this.#byKey.get(key);
		if (kept) this.#byKey.delete(key);
		kept ??= new Refreshed(read, this.#ttlMs);
		this.#byKey.set(key, kept);
		if (this.#byKey.size > this.#max) this.#byKey.delete(this.#byKey.keys().next().value!);
		return kept.get(now);
	}

	get size(): number {
		return this.#byKey.size;
	}

	/** Every key is read again by its next reader. */
	clear(): void {
		this.#byKey.clear();
	}
}
