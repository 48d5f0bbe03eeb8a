import { describe, expect, it } from 'vitest';
import {
	afterFailure,
	IP_POLICY,
	ipKey,
	lockedForSeconds,
	NAME_POLICY,
	nameKey,
	type ThrottlePolicy,
	type ThrottleState
} from './throttle.ts';

const T0 = Date.parse('2025-01-06T09:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Failures at the given minutes; the state after each, as [failures, windowStart, lockedUntil]. */
function run(policy: ThrottlePolicy, minutes: number[], start: ThrottleState | null = null) {
	let state = start;
	return minutes.map((m) => {
		state = afterFailure(state, at(m), policy);
		return [state.failures, iso(state.windowStart), iso(state.lockedUntil)];
	});
}

describe('per-name rule', () => {
	it('locks for 15 minutes on the 5th failure within 15 minutes', () => {
		expect(run(NAME_POLICY, [0, 1, 2, 3, 4])).toEqual([
			[1, '2025-01-06T09:00:00.000Z', null],
			[2, '2025-01-06T09:00:00.000Z', null],
			[3, '2025-01-06T09:00:00.000Z', null],
			[4, '2025-01-06T09:00:00.000Z', null],
			// one lock served (5 × 1) and none in the new window, which starts when the lock ends
			[5, '2025-01-06T09:19:00.000Z', '2025-01-06T09:19:00.000Z']
		]);
	});

	it('starts a new window when 15 minutes have passed since the first failure', () => {
		expect(run(NAME_POLICY, [0, 1, 2, 3, 15, 16, 17, 18])).toEqual([
			[1, '2025-01-06T09:00:00.000Z', null],
			[2, '2025-01-06T09:00:00.000Z', null],
			[3, '2025-01-06T09:00:00.000Z', null],
			[4, '2025-01-06T09:00:00.000Z', null],
			[1, '2025-01-06T09:15:00.000Z', null],
			[2, '2025-01-06T09:15:00.000Z', null],
			[3, '2025-01-06T09:15:00.000Z', null],
			[4, '2025-01-06T09:15:00.000Z', null]
		]);
	});

	it('doubles each further lock: 15, 30, 60 … minutes, capped at 24 hours', () => {
		let state: ThrottleState | null = null;
		let now = 0;
		const locks: number[] = [];
		for (let lock = 0; lock < 10; lock++) {
			for (let i = 0; i < 5; i++) state = afterFailure(state, at(now + i), NAME_POLICY);
			const until = state!.lockedUntil!.getTime();
			locks.push((until - at(now + 4).getTime()) / 60_000);
			now = (until - T0) / 60_000 + 1; // the next round starts a minute after the lock ends
		}
		expect([locks, state!.failures]).toEqual([
			[15, 30, 60, 120, 240, 480, 960, 1440, 1440, 1440],
			50
		]);
	});

	it('forgets the lock level 24 hours after the last lock ended', () => {
		const locked = run(NAME_POLICY, [0, 1, 2, 3, 4]).at(-1);
		const state: ThrottleState = {
			failures: 5,
			windowStart: at(19),
			lockedUntil: at(19)
		};
		expect([
			locked,
			// 23 h 59 min after the lock: still level 1, so the next lock would be 30 minutes
			run(NAME_POLICY, [19 + 1439], state),
			// 24 h after: a fresh start
			run(NAME_POLICY, [19 + 1440], state)
		]).toEqual([
			[5, '2025-01-06T09:19:00.000Z', '2025-01-06T09:19:00.000Z'],
			[[1 + 5, '2025-01-07T09:18:00.000Z', '2025-01-06T09:19:00.000Z']],
			[[1, '2025-01-07T09:19:00.000Z', null]]
		]);
	});

	it('reports whole seconds left, rounded up, and null once the lock is over', () => {
		const state: ThrottleState = { failures: 5, windowStart: at(19), lockedUntil: at(19) };
		expect([
			lockedForSeconds(state, at(4)),
			lockedForSeconds(state, new Date(at(19).getTime() - 1)),
			lockedForSeconds(state, at(19)),
			lockedForSeconds(null, at(0)),
			lockedForSeconds({ failures: 3, windowStart: at(0), lockedUntil: null }, at(1))
		]).toEqual([900, 1, null, null, null]);
	});
});

describe('per-IP rule', () => {
	it('locks for 15 minutes on the 50th failure within 15 minutes, never longer', () => {
		let state: ThrottleState | null = null;
		const lockedAfter: (string | null)[] = [];
		for (let round = 0; round < 3; round++) {
			const start = round * 20;
			for (let i = 0; i < 50; i++) {
				state = afterFailure(state, new Date(at(start).getTime() + i * 1000), IP_POLICY);
				if (i === 48) lockedAfter.push(iso(state.lockedUntil));
			}
			lockedAfter.push(iso(state!.lockedUntil));
		}
		expect(lockedAfter).toEqual([
			null,
			'2025-01-06T09:15:49.000Z',
			'2025-01-06T09:15:49.000Z', // the 49th of round 2 leaves the first lock as it was
			'2025-01-06T09:35:49.000Z',
			'2025-01-06T09:35:49.000Z',
			'2025-01-06T09:55:49.000Z'
		]);
	});
});

describe('keys', () => {
	it('lower-case and trim names, keep addresses, and clean what PostgreSQL cannot store', () => {
		expect([
			nameKey('  SomChai '),
			nameKey('ผู้ใช้'),
			nameKey('a\0b'),
			nameKey('x\uD800y'),
			nameKey('n'.repeat(1000)).length,
			ipKey('203.0.113.9'),
			ipKey('::1'),
			ipKey('')
		]).toEqual([
			'user:somchai',
			'user:ผู้ใช้',
			'user:a\uFFFDb',
			'user:x\uFFFDy',
			5 + 64,
			'ip:203.0.113.9',
			'ip:::1',
			'ip:'
		]);
	});
});
