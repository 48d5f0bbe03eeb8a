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
 *
 * Garbage collections are counted per window, by kind, with their pauses on the main thread
 * (PerformanceObserver 'gc'); each major or incremental one, and any other pausing 5 ms or more,
 * is listed with its start (epoch ms) so that the bench can place it in the run's seconds; so is
 * each stall of the event loop of 30 ms or more (a 10 ms timer that fired that late).
 *
 * When the app sends Server-Timing (SUJARIT_SERVER_TIMING=1), the preload adds a `node` part to
 * it: from Node's 'request' event (the request read from its socket) to the response's headers
 * being written. `node` minus the app's own `app` is the time in Node around the hooks (the
 * request waiting for its turn after being read, the answer waiting to be written); a client's
 * time to the headers minus `node` is the time before Node read the request (the socket waiting
 * for the event loop, the kernel) and on the way back.
 */
import { Session } from 'node:inspector';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import {
	constants,
	createHistogram,
	monitorEventLoopDelay,
	PerformanceObserver
} from 'node:perf_hooks';

const file = process.env.LOAD_ELD_FILE;
/** Per window: from a response's headers (writeHead) to its last byte handed to the socket, µs. */
const afterHead = createHistogram();

if (file && process.env.SUJARIT_SERVER_TIMING === '1') {
	const emit = http.Server.prototype.emit;
	/** @this {http.Server} @param {string} event @param {...any} args */
	http.Server.prototype.emit = function (event, ...args) {
		if (event === 'request') {
			const arrived = performance.now();
			/** @type {http.ServerResponse} */
			const res = args[1];
			const writeHead = res.writeHead;
			/** @param {number} status @param {...any} rest */
			res.writeHead = function (status, ...rest) {
				const part = `node;dur=${(performance.now() - arrived).toFixed(1)}`;
				const headers = rest.find((h) => h && typeof h === 'object' && !Array.isArray(h));
				const key =
					headers && Object.keys(headers).find((k) => k.toLowerCase() === 'server-timing');
				if (key) headers[key] = `${headers[key]}, ${part}`;
				else if (res.hasHeader('server-timing')) {
					res.setHeader('server-timing', `${res.getHeader('server-timing')}, ${part}`);
				}
				const headAt = performance.now();
				res.once('finish', () =>
					afterHead.record(Math.max(1, Math.round((performance.now() - headAt) * 1000)))
				);
				return Reflect.apply(writeHead, this, [status, ...rest]);
			};
		}
		return emit.call(this, event, ...args);
	};
}

/** V8's collection kinds as perf_hooks numbers them (constants.NODE_PERFORMANCE_GC_*). */
const GC_KINDS = /** @type {Record<number, string>} */ ({
	[constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
	[constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
	[constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
	[constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb'
});
/** Listed one by one: these kinds, and any collection pausing at least LISTED_PAUSE_MS. */
const LISTED_KINDS = new Set(['major', 'incremental']);
const LISTED_PAUSE_MS = 5;
/** Bounds a window's list (a 60 s run lists a few dozen). */
const MAX_LISTED = 2000;

/**
 * Stalls: a 10 ms timer that fires STALL_MS or more late, the loop having been held that long
 * (by a long task, or a collection's pause); listed with when the timer was due (epoch ms).
 */
const STALL_MS = 30;
/** @type {{ at: number, ms: number }[]} */
let stalls = [];

/** @typedef {{ count: number, ms: number, maxMs: number }} GcKind */
/** @type {{ kinds: Record<string, GcKind>, listed: { at: number, ms: number, kind: string }[], unlisted: number }} */
let gc = { kinds: {}, listed: [], unlisted: 0 };

if (file) {
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) {
			const detail = /** @type {{ kind?: number } | undefined} */ (entry.detail);
			const kind = GC_KINDS[detail?.kind ?? -1] ?? `kind-${detail?.kind}`;
			const ms = entry.duration;
			const totals = (gc.kinds[kind] ??= { count: 0, ms: 0, maxMs: 0 });
			totals.count++;
			totals.ms += ms;
			totals.maxMs = Math.max(totals.maxMs, ms);
			if (!LISTED_KINDS.has(kind) && ms < LISTED_PAUSE_MS) continue;
			if (gc.listed.length >= MAX_LISTED) gc.unlisted++;
			else
				gc.listed.push({
					at: Math.round(performance.timeOrigin + entry.startTime),
					ms: Math.round(ms * 10) / 10,
					kind
				});
		}
	}).observe({ entryTypes: ['gc'] });
	let due = performance.now() + 10;
	setInterval(() => {
		const now = performance.now();
		const late = now - due;
		if (late >= STALL_MS && stalls.length < MAX_LISTED) {
			stalls.push({ at: Math.round(performance.timeOrigin + due), ms: Math.round(late) });
		}
		due = now + 10;
	}, 10).unref();
}

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
			cpuSystemMs: Math.round(cpu.system / 1000),
			afterHead: {
				count: afterHead.count,
				p50Ms: Math.round(afterHead.percentile(50) / 10) / 100,
				p99Ms: Math.round(afterHead.percentile(99) / 10) / 100,
				maxMs: Math.round(afterHead.max / 10) / 100
			},
			gc: {
				kinds: Object.fromEntries(
					Object.entries(gc.kinds).map(([k, v]) => [
						k,
						{ count: v.count, ms: Math.round(v.ms * 10) / 10, maxMs: Math.round(v.maxMs * 10) / 10 }
					])
				),
				listed: gc.listed,
				unlisted: gc.unlisted
			},
			stalls
		};
		// Written whole, then renamed: the bench never reads half a window.
		writeFileSync(`${file}.tmp`, `${JSON.stringify(window)}\n`);
		renameSync(`${file}.tmp`, file);
		histogram.reset();
		afterHead.reset();
		gc = { kinds: {}, listed: [], unlisted: 0 };
		stalls = [];
		since = now;
		cutProfile(window.seq);
	};
	process.on('SIGUSR2', dump);
	process.on('exit', dump);
}
