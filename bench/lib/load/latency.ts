/**
 * Latencies kept whole, one float per request, sorted once when read: exact percentiles (an HDR
 * histogram's buckets are not needed at a few hundred thousand requests) by the nearest-rank
 * method, the one wrk and autocannon report.
 */
export class Latencies {
	#values = new Float64Array(1024);
	#count = 0;
	#sorted = true;

	add(ms: number): void {
		if (this.#count === this.#values.length) {
			const grown = new Float64Array(this.#values.length * 2);
			grown.set(this.#values);
			this.#values = grown;
		}
		this.#values[this.#count++] = ms;
		this.#sorted = false;
	}

	get count(): number {
		return this.#count;
	}

	/** Nearest rank: the smallest value with at least p % of the values at or below it. */
	percentile(p: number): number {
		if (this.#count === 0) return NaN;
		if (!this.#sorted) {
			this.#values.subarray(0, this.#count).sort();
			this.#sorted = true;
		}
		const rank = Math.max(1, Math.ceil((p / 100) * this.#count));
		return this.#values[rank - 1]!;
	}

	summary(): LatencySummary {
		const round = (v: number) => Math.round(v * 10) / 10;
		let sum = 0;
		for (let i = 0; i < this.#count; i++) sum += this.#values[i]!;
		return {
			count: this.#count,
			meanMs: this.#count ? round(sum / this.#count) : null,
			p50Ms: this.#count ? round(this.percentile(50)) : null,
			p95Ms: this.#count ? round(this.percentile(95)) : null,
			p99Ms: this.#count ? round(this.percentile(99)) : null,
			maxMs: this.#count ? round(this.percentile(100)) : null
		};
	}

	/** Another recorder's values added to this one (class → kind roll-ups). */
	merge(other: Latencies): void {
		for (let i = 0; i < other.#count; i++) this.add(other.#values[i]!);
	}
}

export interface LatencySummary {
	count: number;
	meanMs: number | null;
	p50Ms: number | null;
	p95Ms: number | null;
	p99Ms: number | null;
	maxMs: number | null;
}
