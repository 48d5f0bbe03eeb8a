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
		const found = this.#kept.get(key) as Promise<T> | undefined;
		if (found) {
			// Most recently asked: to the back of the eviction order.
			this.#kept.delete(key);
			this.#kept.set(key, found);
			return found;
		}
		const started = read();
		this.#kept.set(key, started);
		started.catch(() => {
			if (this.#kept.get(key) === started) this.#kept.delete(key);
		});
		if (this.#kept.size > this.#max) this.#kept.delete(this.#kept.keys().next().value!);
		return started;
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
 */
export class Refreshed<T> {
	readonly #read: () => Promise<T>;
	readonly #ttlMs: number;
	#kept: { value: Promise<T>; until: number; refreshAt: number; refreshing: boolean } | null = null;

	constructor(read: () => Promise<T>, ttlMs: number) {
		this.#read = read;
		this.#ttlMs = ttlMs;
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
			value: this.#read(),
			until: now + this.#ttlMs,
			refreshAt: now + this.#ttlMs / 2,
			refreshing: false
		};
		entry.value.catch(() => {
			if (kept && this.#kept === entry) this.#kept = null;
		});
		return entry;
	}
}
