/**
 * The server's event-loop delay, one window at a time: SIGUSR2 makes the preload
 * (bench/lib/event-loop-delay.js) write the histogram since its last window, then reset it.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface EldWindow {
	seq: number;
	pid: number;
	windowMs: number;
	samples: number;
	minMs: number;
	meanMs: number;
	p50Ms: number;
	p90Ms: number;
	p99Ms: number;
	p999Ms: number;
	maxMs: number;
	rssBytes: number;
	heapUsedBytes: number;
	externalBytes: number;
	arrayBuffersBytes: number;
	cpuUserMs: number;
	cpuSystemMs: number;
	/** From responses' headers to their last byte handed to the socket (with Server-Timing on). */
	afterHead: { count: number; p50Ms: number; p99Ms: number; maxMs: number };
	/** Garbage collections in the window (absent from servers started without this preload). */
	gc?: GcWindow;
	/** The event loop held 30 ms or more: when (epoch ms, a 10 ms timer's due time) and how long. */
	stalls?: { at: number; ms: number }[];
}

/** One window's collections: per kind, and the major ones and long pauses one by one. */
export interface GcWindow {
	/** Per kind (minor, major, incremental, weakcb): how many, their main-thread pauses, ms. */
	kinds: Record<string, { count: number; ms: number; maxMs: number }>;
	/** Major and incremental collections, and any pausing ≥ 5 ms; `at` in epoch ms. */
	listed: { at: number; ms: number; kind: string }[];
	/** Listed ones beyond the window's bound. */
	unlisted: number;
}

function read(file: string): EldWindow | null {
	if (!existsSync(file)) return null;
	return JSON.parse(readFileSync(file, 'utf8')) as EldWindow;
}

/** Ends the server's current window and returns it (waits up to 5 s for the file). */
export async function eldWindow(pid: number, file: string): Promise<EldWindow> {
	const before = read(file)?.seq ?? 0;
	process.kill(pid, 'SIGUSR2');
	for (let i = 0; i < 500; i++) {
		const now = read(file);
		if (now && now.seq > before) return now;
		await new Promise((r) => setTimeout(r, 10));
	}
	throw new Error(`the server (pid ${pid}) wrote no event-loop window to ${file}`);
}

/** A run's collections, with the listed ones placed in the run's seconds. */
export interface GcTimeline {
	/** Per kind over the whole window (from the window before the run ended to the run's end). */
	kinds: GcWindow['kinds'];
	/** Listed collections that started within the run: seconds from its start, pause, kind. */
	events: { atS: number; ms: number; kind: string }[];
	unlisted: number;
	/** The event loop's stalls of 30 ms or more within the run: seconds from its start, length. */
	stalls: { atS: number; ms: number }[];
}

/**
 * The window's listed collections within the run that started at `startedAtEpochMs` and lasted
 * `durationMs`: both clocks are epoch-based (performance.timeOrigin + now), so a collection
 * is placed within a millisecond or two of the generator's own timeline.
 */
export function gcTimeline(
	window: GcWindow,
	startedAtEpochMs: number,
	durationMs: number,
	stalls: { at: number; ms: number }[] = []
): GcTimeline {
	const within = <T extends { at: number }>(list: T[]) =>
		list
			.filter((e) => e.at >= startedAtEpochMs && e.at <= startedAtEpochMs + durationMs)
			.map(({ at, ...rest }) => ({ atS: Math.round((at - startedAtEpochMs) / 100) / 10, ...rest }));
	return {
		kinds: window.kinds,
		events: within(window.listed),
		unlisted: window.unlisted,
		stalls: within(stalls)
	};
}
