import { describe, expect, it } from 'vitest';
import { KeptReads, Refreshed } from './kept-reads.ts';

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

describe('a value read again in the background', () => {
	/** Reads that answer 1, 2, 3… when told to, counting how many started. */
	function versions() {
		const waiting: ((v: number) => void)[] = [];
		const failing: ((e: Error) => void)[] = [];
		let n = 0;
		const read = () =>
			new Promise<number>((resolve, reject) => {
				n += 1;
				const v = n;
				waiting.push(() => resolve(v));
				failing.push(reject);
			});
		return {
			read,
			started: () => n,
			answer: (i: number) => waiting[i]!(0),
			fail: (i: number) => failing[i]!(new Error(`read ${i + 1} failed`))
		};
	}
	const tick = () => new Promise((r) => setImmediate(r));

	it('answers the kept value until half its time, then keeps answering while one refresh runs', async () => {
		const v = versions();
		const value = new Refreshed(v.read, 1_000);
		const first = value.get(0);
		v.answer(0);
		expect(await first).toBe(1);
		expect(await value.get(499)).toBe(1);
		expect(v.started()).toBe(1);
		// From 500 ms: the kept value answers, one refresh starts (not one per reader).
		expect(await value.get(500)).toBe(1);
		expect(await value.get(600)).toBe(1);
		expect(v.started()).toBe(2);
		v.answer(1);
		await tick();
		expect(await value.get(700)).toBe(2);
		// The refresh's own time runs from its start (500): kept to 1,500, refreshed from 1,000.
		expect(await value.get(999)).toBe(2);
		expect(v.started()).toBe(2);
	});

	it('makes a reader wait past its time, keeps no failed read, and forgets on demand', async () => {
		const v = versions();
		const value = new Refreshed(v.read, 1_000);
		const first = value.get(0);
		v.answer(0);
		await first;
		// Nobody asked for a whole second: the next reader waits for a new read.
		const late = value.get(1_000);
		expect(v.started()).toBe(2);
		v.fail(1);
		await expect(late).rejects.toThrow('read 2 failed');
		const retry = value.get(1_001);
		expect(v.started()).toBe(3);
		v.answer(2);
		expect(await retry).toBe(3);
		value.forget();
		const afterForget = value.get(1_002);
		expect(v.started()).toBe(4);
		v.answer(3);
		expect(await afterForget).toBe(4);
	});

	it('keeps answering the kept value when a refresh fails, and tries again', async () => {
		const v = versions();
		const value = new Refreshed(v.read, 1_000);
		const first = value.get(0);
		v.answer(0);
		await first;
		expect(await value.get(500)).toBe(1);
		v.fail(1);
		await tick();
		expect(await value.get(600)).toBe(1);
		expect(v.started()).toBe(3);
		v.answer(2);
		await tick();
		expect(await value.get(700)).toBe(3);
	});
});
