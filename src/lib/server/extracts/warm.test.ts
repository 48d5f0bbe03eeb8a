import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Runner } from './cache.ts';
import { keepWarm, MAX_WATCHED, stopWatching, WATCH_MS, watchedScopes } from './warm.ts';
import { scopeKey, type Scope } from './scope.ts';

/** A province scope per index, with a runner that counts its checks and fails them. */
const province = (i: number): Scope => ({ kind: 'provinces', codes: [String(10 + i)] });
function countingRunner() {
	let calls = 0;
	const run = (() => {
		calls += 1;
		return Promise.reject(new Error('no database in this test'));
	}) as Runner;
	return { run, calls: () => calls };
}

afterEach(() => {
	stopWatching();
	vi.useRealTimers();
	vi.restoreAllMocks();
});

describe('keeping scopes warm', () => {
	it('checks each watched scope once at once and once per WATCH_MS, however often it is asked', async () => {
		vi.useFakeTimers();
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const r = countingRunner();
		keepWarm(r.run, province(0));
		keepWarm(r.run, province(0));
		await vi.advanceTimersByTimeAsync(0);
		expect(r.calls()).toBe(1);
		await vi.advanceTimersByTimeAsync(WATCH_MS * 2);
		expect(r.calls()).toBe(3);
	});

	it('drops the least recently asked scope beyond MAX_WATCHED, and checks it no more', async () => {
		vi.useFakeTimers();
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const runners = Array.from({ length: MAX_WATCHED + 1 }, countingRunner);
		for (let i = 0; i < MAX_WATCHED; i++) keepWarm(runners[i]!.run, province(i));
		// Scope 0 is asked again: scope 1 is now the least recently asked.
		keepWarm(runners[0]!.run, province(0));
		keepWarm(runners[MAX_WATCHED]!.run, province(MAX_WATCHED));
		const watched = watchedScopes();
		expect(watched).toHaveLength(MAX_WATCHED);
		expect(watched).toContain(scopeKey(province(0)));
		expect(watched).not.toContain(scopeKey(province(1)));
		expect(watched.at(-1)).toBe(scopeKey(province(MAX_WATCHED)));
		await vi.advanceTimersByTimeAsync(WATCH_MS);
		expect(runners[0]!.calls()).toBe(2);
		expect(runners[1]!.calls()).toBe(1);
		expect(runners[MAX_WATCHED]!.calls()).toBe(2);
	});

	it('watches the load campaign’s nine scopes without pushing any out', () => {
		const r = countingRunner();
		vi.spyOn(console, 'error').mockImplementation(() => {});
		const scopes: Scope[] = [
			{ kind: 'national' },
			...Array.from({ length: 8 }, (_, i) => province(i))
		];
		for (let round = 0; round < 3; round++) for (const s of scopes) keepWarm(r.run, s);
		expect(watchedScopes()).toHaveLength(9);
		// Asked three rounds over, each scope was checked once, when first asked.
		expect(r.calls()).toBe(9);
	});
});
