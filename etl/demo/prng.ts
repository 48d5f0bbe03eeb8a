/**
 * A small seeded PRNG (mulberry32, public domain, Tommy Ettinger) so that every demo document is a
 * pure function of --seed. No Math.random anywhere under etl/demo/.
 */
export interface Rng {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [min, max], both included. */
	int(min: number, max: number): number;
	/** True with probability p. */
	chance(p: number): boolean;
	pick<T>(list: readonly T[]): T;
	/** A new array, Fisher–Yates shuffled. */
	shuffle<T>(list: readonly T[]): T[];
}

export function mulberry32(seed: number): Rng {
	let a = seed >>> 0;
	const next = (): number => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		chance: (p) => next() < p,
		pick<T>(list: readonly T[]): T {
			if (list.length === 0) throw new Error('pick from an empty list');
			return list[int(0, list.length - 1)]!;
		},
		shuffle<T>(list: readonly T[]): T[] {
			const out = [...list];
			for (let i = out.length - 1; i > 0; i--) {
				const j = int(0, i);
				[out[i], out[j]] = [out[j]!, out[i]!];
			}
			return out;
		}
	};
}

/**
 * A stream of its own for each (seed, key): one LAO's documents do not shift when another LAO is
 * added, so N = 20 is a prefix-stable slice of N = 200 per LAO. FNV-1a over the key.
 */
export function rngFor(seed: number, key: string): Rng {
	let h = 0x811c9dc5 ^ (seed >>> 0);
	for (let i = 0; i < key.length; i++) {
		h ^= key.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return mulberry32(h);
}
