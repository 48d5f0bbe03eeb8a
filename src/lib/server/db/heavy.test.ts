import { describe, expect, it } from 'vitest';
import type { Scope } from '../extracts/scope-where.ts';
import { heavy, heavyLoad } from './heavy.ts';

const NATIONAL: Scope = { kind: 'national' };

/** A task that runs until released, recording when it started. */
function task(name: string, started: string[]) {
	let release!: (fail?: boolean) => void;
	const done = new Promise<string>((resolve, reject) => {
		release = (fail) => (fail ? reject(new Error(name)) : resolve(name));
	});
	const result = heavy(NATIONAL, async () => {
		started.push(name);
		return done;
	});
	return { release, result };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('heavy (the bulkhead)', () => {
	it('runs two at once, first come first served; a failure frees its place too', async () => {
		const started: string[] = [];
		const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => task(n, started));
		await tick();
		expect([started, heavyLoad()]).toEqual([['a', 'b'], { running: 2, waiting: 2 }]);
		a!.release(true);
		await expect(a!.result).rejects.toThrow('a');
		await tick();
		expect([started, heavyLoad()]).toEqual([['a', 'b', 'c'], { running: 2, waiting: 1 }]);
		b!.release();
		c!.release();
		await tick();
		expect([started, heavyLoad()]).toEqual([['a', 'b', 'c', 'd'], { running: 1, waiting: 0 }]);
		d!.release();
		expect(await Promise.all([b!.result, c!.result, d!.result])).toEqual(['b', 'c', 'd']);
		expect(heavyLoad()).toEqual({ running: 0, waiting: 0 });
	});

	it('never holds back a province scope', async () => {
		const started: string[] = [];
		const national = ['a', 'b', 'c'].map((n) => task(n, started));
		const province = heavy({ kind: 'provinces', codes: ['30'] }, async () => 'officer');
		expect(await province).toBe('officer');
		expect(heavyLoad()).toEqual({ running: 2, waiting: 1 });
		for (const t of national) t.release();
		expect(await Promise.all(national.map((t) => t.result))).toEqual(['a', 'b', 'c']);
	});
});
