import { afterEach, describe, expect, it } from 'vitest';
import {
	parseServerTiming,
	serverTimingHeader,
	serverTimingOn,
	timed,
	type Timings
} from './server-timing.ts';

describe('server timing', () => {
	const before = process.env.SUJARIT_SERVER_TIMING;
	afterEach(() => {
		if (before === undefined) delete process.env.SUJARIT_SERVER_TIMING;
		else process.env.SUJARIT_SERVER_TIMING = before;
	});

	it('is on only for SUJARIT_SERVER_TIMING=1', () => {
		delete process.env.SUJARIT_SERVER_TIMING;
		expect(serverTimingOn()).toBe(false);
		process.env.SUJARIT_SERVER_TIMING = 'yes';
		expect(serverTimingOn()).toBe(false);
		process.env.SUJARIT_SERVER_TIMING = '1';
		expect(serverTimingOn()).toBe(true);
	});

	it('adds the durations of one name, and times a failure too', async () => {
		const timings: Timings = {};
		await timed(timings, 'version', () => new Promise((r) => setTimeout(r, 20)));
		await timed(timings, 'version', () => new Promise((r) => setTimeout(r, 20)));
		await expect(
			timed(timings, 'auth', () => new Promise((_, no) => setTimeout(() => no(new Error('x')), 15)))
		).rejects.toThrow('x');
		expect(timings.version).toBeGreaterThanOrEqual(38);
		expect(timings.auth).toBeGreaterThanOrEqual(13);
	});

	it('does nothing but the work when timing is off', async () => {
		expect(await timed(undefined, 'auth', async () => 7)).toBe(7);
	});

	it('writes a header the bench reads back, and drops names that are not tokens', () => {
		const header = serverTimingHeader({ auth: 0.04, version: 12.345, app: 14, 'a b': 3, 'x;y': 1 });
		expect(header).toBe('auth;dur=0.0, version;dur=12.3, app;dur=14.0');
		expect(parseServerTiming(header)).toEqual({ auth: 0, version: 12.3, app: 14 });
	});

	it('ignores what it does not understand', () => {
		expect(parseServerTiming('')).toEqual({});
		expect(parseServerTiming('cache;desc="hit", db;dur=abc, total;dur=5.5, ;dur=1')).toEqual({
			total: 5.5
		});
		expect(parseServerTiming('a;dur=1'.repeat(10_000))).toEqual({});
	});
});
