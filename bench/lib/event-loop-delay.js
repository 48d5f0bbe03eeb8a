/**
 * Preloaded into the server by bench/load.ts (`node --import ./bench/lib/event-loop-delay.js
 * build`): the app's own event-loop delay, measured inside its process with no app code changed.
 * perf_hooks.monitorEventLoopDelay samples every 10 ms (libuv timer lateness, in ns). On SIGUSR2
 * the histogram since the last dump (or the start) is written to LOAD_ELD_FILE, with the
 * process's memory and CPU, then reset, so that the bench reads one window per phase (warm-up,
 * mixed run, each step). A last window is written at exit.
 *
 * With LOAD_CPU_PROFILE_DIR set (a diagnostic run: the sampling costs a few % of the core), each
 * window is also a V8 CPU profile, `window-<seq>.cpuprofile` in that folder, for
 * `node bench/lib/load/profile-summary.js <file>` or Chrome's DevTools.
 */
import { Session } from 'node:inspector';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.LOAD_ELD_FILE;
if (file) {
	const histogram = monitorEventLoopDelay({ resolution: 10 });
	histogram.enable();
	let seq = 0;
	let since = Date.now();
	const profileDir = process.env.LOAD_CPU_PROFILE_DIR;
	/** @type {Session | null} */
	let profiler = null;
	if (profileDir) {
		mkdirSync(profileDir, { recursive: true });
		profiler = new Session();
		profiler.connect();
		profiler.post('Profiler.enable', () => profiler?.post('Profiler.start'));
	}
	/** Ends the current profile as window `n`'s and starts the next. */
	const cutProfile = (/** @type {number} */ n) => {
		if (!profiler || !profileDir) return;
		const session = profiler;
		session.post('Profiler.stop', (error, result) => {
			if (!error && result) {
				writeFileSync(join(profileDir, `window-${n}.cpuprofile`), JSON.stringify(result.profile));
			}
			session.post('Profiler.start');
		});
	};
	const ms = (/** @type {number} */ ns) => Math.round(ns / 1e4) / 100;
	const dump = () => {
		const now = Date.now();
		const memory = process.memoryUsage();
		const cpu = process.cpuUsage();
		const window = {
			seq: ++seq,
			pid: process.pid,
			windowMs: now - since,
			samples: histogram.count,
			minMs: ms(histogram.min),
			meanMs: ms(histogram.mean),
			p50Ms: ms(histogram.percentile(50)),
			p90Ms: ms(histogram.percentile(90)),
			p99Ms: ms(histogram.percentile(99)),
			p999Ms: ms(histogram.percentile(99.9)),
			maxMs: ms(histogram.max),
			rssBytes: memory.rss,
			heapUsedBytes: memory.heapUsed,
			externalBytes: memory.external,
			arrayBuffersBytes: memory.arrayBuffers,
			cpuUserMs: Math.round(cpu.user / 1000),
			cpuSystemMs: Math.round(cpu.system / 1000)
		};
		// Written whole, then renamed: the bench never reads half a window.
		writeFileSync(`${file}.tmp`, `${JSON.stringify(window)}\n`);
		renameSync(`${file}.tmp`, file);
		histogram.reset();
		since = now;
		cutProfile(window.seq);
	};
	process.on('SIGUSR2', dump);
	process.on('exit', dump);
}
