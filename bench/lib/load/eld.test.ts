import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eldWindow, gcTimeline } from './eld.ts';

const PRELOAD = join(import.meta.dirname, '..', 'event-loop-delay.js');

/**
 * Forces two full collections 300 ms apart, then holds the event loop 120 ms, then idles until
 * killed.
 */
const COLLECTOR = `
setTimeout(() => {
	globalThis.gc();
	setTimeout(() => {
		globalThis.gc();
		setTimeout(() => { const end = Date.now() + 120; while (Date.now() < end); }, 100);
	}, 300);
}, 200);
setInterval(() => {}, 1000);
`;

const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the load bench’s garbage-collection record', () => {
	it('lists each major collection with its start, placed in the run’s seconds', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'sujarit-gc-'));
		dirs.push(dir);
		const file = join(dir, 'eld.json');
		const child = spawn(process.execPath, ['--expose-gc', '--import', PRELOAD, '-e', COLLECTOR], {
			env: { ...process.env, LOAD_ELD_FILE: file },
			stdio: 'ignore'
		});
		try {
			// The preload's SIGUSR2 handler must be in place before the first window is asked for.
			await new Promise((r) => setTimeout(r, 150));
			const startedAt = Date.now();
			await new Promise((r) => setTimeout(r, 1_000));
			const window = await eldWindow(child.pid!, file);
			const gc = window.gc!;
			expect(gc.kinds.major?.count).toBe(2);
			const majors = gc.listed.filter((e) => e.kind === 'major');
			expect(majors).toHaveLength(2);
			const [first, second] = majors as [(typeof majors)[0], (typeof majors)[0]];
			// 300 ms apart, give or take the forced collections' own time and a busy machine.
			expect(second.at - first.at).toBeGreaterThanOrEqual(290);
			expect(second.at - first.at).toBeLessThan(1_000);
			// The 120 ms spin, 100 ms after the second collection, is listed as a stall.
			const stalls = window.stalls!.filter((s) => s.ms >= 100);
			expect(stalls).toHaveLength(1);
			expect(stalls[0]!.ms).toBeLessThan(400);
			expect(stalls[0]!.at - second.at).toBeGreaterThanOrEqual(90);
			expect(stalls[0]!.at - second.at).toBeLessThan(300);
			const timeline = gcTimeline(gc, startedAt, 1_000, window.stalls);
			expect(timeline.stalls.filter((s) => s.ms >= 100)).toHaveLength(1);
			const placed = timeline.events.filter((e) => e.kind === 'major');
			expect(placed).toHaveLength(2);
			for (const e of placed) {
				expect(e.atS).toBeGreaterThanOrEqual(0);
				expect(e.atS).toBeLessThanOrEqual(1);
			}
			// The next window starts empty.
			const next = await eldWindow(child.pid!, file);
			expect(next.gc!.kinds.major).toBeUndefined();
			expect(next.stalls!.filter((s) => s.ms >= 100)).toEqual([]);
		} finally {
			child.kill('SIGKILL');
		}
	});

	it('leaves out what fell before the run or after its end', () => {
		const timeline = gcTimeline(
			{
				kinds: { major: { count: 3, ms: 30, maxMs: 12 } },
				listed: [
					{ at: 9_990, ms: 10, kind: 'major' },
					{ at: 12_345, ms: 12, kind: 'major' },
					{ at: 16_000, ms: 8, kind: 'major' }
				],
				unlisted: 0
			},
			10_000,
			5_000
		);
		expect(timeline.events).toEqual([{ atS: 2.3, ms: 12, kind: 'major' }]);
		expect(timeline.stalls).toEqual([]);
	});
});
