import { AsyncLocalStorage } from 'node:async_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { keep, KeptReads, Refreshed, RefreshedByKey } from './kept-reads.ts';

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

describe('a value kept for a time it sets itself', () => {
	it('asks again soon while a thing is missing, and keeps it long once found', async () => {
		const answers: (string | null)[] = [null, 'release 1', 'release 1'];
		let started = 0;
		const read = () => Promise.resolve(answers[started++] ?? null);
		const value = new Refreshed(read, {
			of: (found: string | null) => (found ? 60_000 : 1_000),
			min: 1_000
		});
		const tick = () => new Promise((r) => setImmediate(r));
		expect(await value.get(0)).toBeNull();
		// Missing: kept one second, asked again from half of it.
		expect(await value.get(499)).toBeNull();
		expect(started).toBe(1);
		expect(await value.get(600)).toBeNull();
		expect(started).toBe(2);
		await tick();
		// Found (read from 600): kept to 60,600, asked again from 30,600 on.
		expect(await value.get(700)).toBe('release 1');
		expect(await value.get(30_599)).toBe('release 1');
		expect(started).toBe(2);
		expect(await value.get(30_600)).toBe('release 1');
		expect(started).toBe(3);
	});

	it('stands at the shortest time while the first read runs', async () => {
		let resolve: (v: string) => void = () => {};
		let started = 0;
		const read = () => {
			started++;
			return new Promise<string>((r) => (resolve = r));
		};
		const value = new Refreshed(read, { of: () => 60_000, min: 1_000 });
		void value.get(0);
		// Still unanswered at 1,000 ms: a new read, not a promise kept for 60 s by assumption.
		void value.get(1_000);
		expect(started).toBe(2);
		resolve('late');
		expect(await value.get(1_001)).toBe('late');
	});
});

describe('values read again in the background, per key', () => {
	it('reads each key by its own read, once per time, and drops the least recently asked', async () => {
		const reads: string[] = [];
		const read = (key: string) => () => {
			reads.push(key);
			return Promise.resolve(`${key}@${reads.length}`);
		};
		const byKey = new RefreshedByKey<string>(1_000, 2);
		expect(await byKey.get('north', read('north'), 0)).toBe('north@1');
		expect(await byKey.get('south', read('south'), 10)).toBe('south@2');
		expect(await byKey.get('north', read('north'), 100)).toBe('north@1');
		expect(reads).toEqual(['north', 'south']);
		// A third key: south, the least recently asked, goes; north stays kept.
		expect(await byKey.get('east', read('east'), 200)).toBe('east@3');
		expect(byKey.size).toBe(2);
		expect(await byKey.get('north', read('north'), 300)).toBe('north@1');
		expect(await byKey.get('south', read('south'), 310)).toBe('south@4');
		expect(reads).toEqual(['north', 'south', 'east', 'south']);
		// Past half its time, north answers its kept value and is read again beside it.
		expect(await byKey.get('north', read('north'), 600)).toBe('north@1');
		expect(reads.at(-1)).toBe('north');
		byKey.clear();
		expect(byKey.size).toBe(0);
	});

	it('refuses a size below 1', () => {
		expect(() => new RefreshedByKey(1_000, 0)).toThrow('max must be ≥ 1, got 0');
	});
});

describe('keep', () => {
	it('shares a running promise, moves a hit to the back, and forgets a rejected one', async () => {
		const map = new Map<string, Promise<number>>();
		let made = 0;
		const make = (v: number) => () => {
			made += 1;
			return v < 0 ? Promise.reject(new Error(`no ${v}`)) : Promise.resolve(v);
		};
		const a = keep(map, 'a', 2, make(1));
		expect(keep(map, 'a', 2, make(99))).toBe(a);
		keep(map, 'b', 2, make(2));
		keep(map, 'a', 2, make(99)); // a is the most recent again
		keep(map, 'c', 2, make(3)); // b goes
		expect([...map.keys()]).toEqual(['a', 'c']);
		expect(made).toBe(3);
		await expect(keep(map, 'd', 2, make(-1))).rejects.toThrow('no -1');
		expect(map.has('d')).toBe(false);
	});
});

describe('kept reads and the request they started in', () => {
	/** A full collection, from a test (V8's gc exposed for this process from now on). */
	function collect(): void {
		setFlagsFromString('--expose-gc');
		(runInNewContext('gc') as () => void)();
	}
	const macrotask = () => new Promise((r) => setImmediate(r));

	it('hold nothing of the request: its store is collected while the read stays kept', async () => {
		const als = new AsyncLocalStorage<{ locals: string[] }>();
		const map = new Map<string, Promise<number>>();
		let request: WeakRef<object> | null = null;
		let seenInside: unknown = 'not run';
		await als.run({ locals: Array.from({ length: 1000 }, (_, i) => `svg ${i}`) }, async () => {
			request = new WeakRef(als.getStore()!);
			await keep(map, 'figures', 4, async () => {
				seenInside = als.getStore();
				await macrotask();
				return 42;
			});
		});
		// The read ran outside the request, and the request's store is gone once it ended.
		expect(seenInside).toBeUndefined();
		await macrotask();
		collect();
		expect(request!.deref()).toBeUndefined();
		expect(await map.get('figures')).toBe(42);
	});

	it('leave the caller’s own context as it was', async () => {
		const als = new AsyncLocalStorage<string>();
		const value = new Refreshed(async () => 'v1', 1_000);
		const after = await als.run('request 2', async () => {
			await value.get(0);
			await keep(new Map(), 'k', 1, async () => 1);
			return als.getStore();
		});
		expect(after).toBe('request 2');
	});
});
