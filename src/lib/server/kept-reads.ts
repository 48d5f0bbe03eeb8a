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
