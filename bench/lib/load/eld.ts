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
