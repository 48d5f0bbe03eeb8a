/**
 * Who had the CPU, second by second (Linux /proc): the server's main thread (the event loop),
 * its render thread (named 'sujarit-svg' by $lib/server/charts/svg-worker), its other threads
 * (V8's GC and compiler threads, libuv's pool: argon2, brotli), and PostgreSQL (every process
 * named 'postgres' on this machine). The load campaign's slow answers all came in a run's first
 * seconds, when the main thread had a small share of its core: this says who had the rest.
 * Read by the generator during a mixed run, once a second; elsewhere than Linux it records nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** CPU milliseconds in one second of the run (from its start), per consumer. */
export interface ThreadSecond {
	second: number;
	main: number;
	render: number;
	otherThreads: number;
	postgres: number;
}

const TICK_MS = 1000 / 100; // USER_HZ: clock ticks of utime/stime are 10 ms on Linux.

/** utime + stime (ms) and the name of a /proc stat file; null when it is gone. */
function statOf(path: string): { ms: number; name: string } | null {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch {
		return null; // the thread or process ended between the listing and the read
	}
	const open = text.indexOf('(');
	const close = text.lastIndexOf(')');
	const fields = text.slice(close + 2).split(' ');
	// Fields 14 and 15 of stat (1-based); fields[] starts at field 3.
	const ticks = Number(fields[11]) + Number(fields[12]);
	return { ms: ticks * TICK_MS, name: text.slice(open + 1, close) };
}

function totals(serverPid: number): Omit<ThreadSecond, 'second'> {
	const out = { main: 0, render: 0, otherThreads: 0, postgres: 0 };
	for (const tid of readdirSync(`/proc/${serverPid}/task`)) {
		const stat = statOf(`/proc/${serverPid}/task/${tid}/stat`);
		if (!stat) continue;
		if (Number(tid) === serverPid) out.main += stat.ms;
		else if (stat.name === 'sujarit-svg') out.render += stat.ms;
		else out.otherThreads += stat.ms;
	}
	for (const pid of readdirSync('/proc')) {
		if (!/^\d+$/.test(pid)) continue;
		const stat = statOf(`/proc/${pid}/stat`);
		// A process's stat sums its threads; PostgreSQL's processes have one each.
		if (stat?.name === 'postgres') out.postgres += stat.ms;
	}
	return out;
}

/**
 * Starts sampling; the returned function stops and gives each whole second's CPU ms. A backend
 * that exits within a second loses what it used in it (PostgreSQL's are pooled: few do).
 */
export function sampleThreads(serverPid: number): () => ThreadSecond[] {
	if (process.platform !== 'linux') return () => [];
	const seconds: ThreadSecond[] = [];
	let last: Omit<ThreadSecond, 'second'>;
	try {
		last = totals(serverPid);
	} catch {
		return () => [];
	}
	const timer = setInterval(() => {
		let now: Omit<ThreadSecond, 'second'>;
		try {
			now = totals(serverPid);
		} catch {
			return; // the server is gone: its failure is reported by the run itself
		}
		seconds.push({
			second: seconds.length,
			main: Math.round(now.main - last.main),
			render: Math.round(now.render - last.render),
			otherThreads: Math.round(now.otherThreads - last.otherThreads),
			postgres: Math.max(0, Math.round(now.postgres - last.postgres))
		});
		last = now;
	}, 1000);
	return () => {
		clearInterval(timer);
		return seconds;
	};
}
