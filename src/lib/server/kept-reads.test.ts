import { describe, expect, it } from 'vitest';
import { KeptReads } from './kept-reads.ts';

/** A read that resolves (or fails) when told to, and counts how often it was started. */
function gated<T>() {
	let started = 0;
	let settle: { resolve: (v: T) => void; reject: (e: Error) => void } | null = null;
	const read = () => {
		started += 1;
		return new Promise<T>((resolve, reject) => {
			settle = { resolve, reject };
		});
	};
	return {
		read,
		started: () => started,
		resolve: (v: T) => settle!.resolve(v),
		reject: (e: Error) => settle!.reject(e)
	};
}

describe('kept reads', () => {
	it('starts one read for concurrent readers of a key, and keeps its answer', async () => {
		const kept = new KeptReads(4);
		const g = gated<number[]>();
		const a = kept.get('r1|docs', g.read);
		const b = kept.get('r1|docs', g.read);
		expect(g.started()).toBe(1);
		g.resolve([2564, 2565]);
		const [x, y] = await Promise.all([a, b]);
		expect(x).toEqual([2564, 2565]);
		expect(y).toBe(x);
		expect(await kept.get('r1|docs', g.read)).toBe(x);
		expect(g.started()).toBe(1);
	});

	it('keeps no failed read: every waiter sees the error, the next reader asks again', async () => {
		const kept = new KeptReads(4);
		const g = gated<string>();
		const a = kept.get('k', g.read);
		const b = kept.get('k', g.read);
		g.reject(new Error('connection reset'));
		await expect(a).rejects.toThrow('connection reset');
		await expect(b).rejects.toThrow('connection reset');
		expect(kept.size).toBe(0);
		const c = kept.get('k', g.read);
		expect(g.started()).toBe(2);
		g.resolve('second');
		expect(await c).toBe('second');
	});

	it('drops the least recently asked key beyond its size', async () => {
		const kept = new KeptReads(2);
		let reads = 0;
		const read = (v: string) => () => {
			reads += 1;
			return Promise.resolve(v);
		};
		await kept.get('a', read('a'));
		await kept.get('b', read('b'));
		await kept.get('a', read('a')); // a is now the most recent
		await kept.get('c', read('c')); // b goes
		expect(kept.size).toBe(2);
		expect(reads).toBe(3);
		await kept.get('a', read('a'));
		expect(reads).toBe(3);
		await kept.get('b', read('b'));
		expect(reads).toBe(4);
	});

	it('refuses a size below 1', () => {
		expect(() => new KeptReads(0)).toThrow('max must be ≥ 1, got 0');
		expect(() => new KeptReads(1.5)).toThrow(RangeError);
	});
});
