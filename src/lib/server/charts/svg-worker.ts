/**
 * A view's charts drawn to SVG on a thread of their own, so that the event loop keeps serving
 * while ECharts works. Five overview charts hold a thread for 0.1–0.3 s; on the event loop that
 * was time in which no extract, no JSON and no page was answered (bench/load.ts: the mixed run's
 * event-loop delay reached 385 ms, every cached extract waited behind a render). On a thread,
 * the operating system shares the core between the render and the event loop a few
 * milliseconds at a time.
 *
 * The thread runs this very module (its own URL, `import.meta.url`: in the built server, the
 * chunk the bundler put it in; under Vite or Vitest, this file through tsx), and builds the
 * options itself from plain data: the option builders' formatters are functions, which cannot
 * cross to a thread. One thread (SUJARIT_SVG_THREADS, 0 = draw on the event loop as before);
 * it is started on the first render and holds the process open only while it has work. A render
 * that throws rejects its caller only; a thread that dies or takes over RENDER_LIMIT_MS rejects
 * what it had and is started again for the next render.
 */
import { readlinkSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
	buildViewChartOptions,
	type ViewChartOptions,
	type ViewCharts
} from '../../charts/build-view-chart-options.ts';
import type { ViewFigures } from '../../overview.ts';
import type { ViewFilters } from '../../state/url-filters.ts';
import { renderSvg, renderSvgRaw } from './render-svg.ts';

export type ViewChartName = keyof ViewCharts;

/** What to draw: a view's figures, and which of its charts at which size. */
export interface SvgJob {
	figures: ViewFigures;
	filters: ViewFilters;
	options: ViewChartOptions;
	charts: readonly { name: ViewChartName; width: number; height: number }[];
	/**
	 * 'raw': ECharts' SVG as it writes it (the overview's EChart.svelte shows it until the live
	 * chart draws); 'still': scalable, labelled, without ECharts' markers (renderSvg).
	 */
	style: 'raw' | 'still';
}

/** The job drawn here, one chart after another: chart name → SVG. */
export function drawJob(job: SvgJob): Record<string, string> {
	const options = buildViewChartOptions(job.figures, job.filters, job.options);
	const out: Record<string, string> = {};
	for (const { name, width, height } of job.charts) {
		const size = { width, height };
		out[name] =
			job.style === 'raw' ? renderSvgRaw(options[name], size) : renderSvg(options[name], size);
	}
	return out;
}

const MARK = 'sujarit-svg-thread';
/** The render thread's name in the kernel (at most 15 bytes). */
export const THREAD_NAME = 'sujarit-svg';
/** See SVG_NICE. */
const DEFAULT_SVG_NICE = 0;
/** A render longer than this is a stuck thread (a national overview takes ~0.3 s). */
export const RENDER_LIMIT_MS = 30_000;
const THREADS = (() => {
	const raw = process.env.SUJARIT_SVG_THREADS;
	if (raw === undefined || raw === '') return 1;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 0 || n > 1) {
		throw new Error(`SUJARIT_SVG_THREADS must be 0 or 1, got ${JSON.stringify(raw)}`);
	}
	return n;
})();

/**
 * The render thread's nice value (Linux; SUJARIT_SVG_NICE, 0–19). Above 0, the thread yields
 * its core to the event loop when both want it: ECharts' work then fills the gaps between
 * requests instead of taking its share of them. A thread cannot take back a priority it gave up,
 * so the value holds for the thread's life.
 */
export const SVG_NICE = (() => {
	const raw = process.env.SUJARIT_SVG_NICE;
	if (raw === undefined || raw === '') return DEFAULT_SVG_NICE;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 0 || n > 19) {
		throw new Error(`SUJARIT_SVG_NICE must be an integer from 0 to 19, got ${JSON.stringify(raw)}`);
	}
	return n;
})();

/** This thread's id in the kernel (Linux), or null where /proc does not say. */
function kernelThreadId(): number | null {
	try {
		const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
		return Number.isInteger(tid) && tid > 0 ? tid : null;
	} catch {
		return null;
	}
}

interface Reply {
	id: number;
	svgs?: Record<string, string>;
	error?: string;
}

/** The thread's first message: its kernel id, and the nice value it took (null: it could not). */
interface Ready {
	ready: true;
	tid: number | null;
	nice: number | null;
}

interface Pending {
	resolve: (svgs: Record<string, string>) => void;
	reject: (error: Error) => void;
	timer: NodeJS.Timeout;
}

/** The render thread as the event loop sees it. */
class SvgThread {
	private worker: Worker | null = null;
	private readonly pending = new Map<number, Pending>();
	private nextId = 1;
	/** Threads started so far (tests, diagnostics). */
	starts = 0;
	/** The running thread's kernel id and nice value, once it has said (tests, diagnostics). */
	ready: Omit<Ready, 'ready'> | null = null;

	draw(job: SvgJob): Promise<Record<string, string>> {
		const worker = this.worker ?? this.start();
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.fail(worker, new Error(`chart render took over ${RENDER_LIMIT_MS} ms`));
				void worker.terminate();
			}, RENDER_LIMIT_MS);
			timer.unref();
			this.pending.set(id, { resolve, reject, timer });
			if (this.pending.size === 1) worker.ref();
			worker.postMessage({ id, job });
		});
	}

	/** Starts the thread ahead of its first render (server start): ECharts loads meanwhile. */
	warm(): void {
		if (THREADS > 0 && !this.worker) this.start();
	}

	/** Stops the thread (tests); pending renders are rejected. */
	async stop(): Promise<void> {
		const worker = this.worker;
		if (!worker) return;
		this.fail(worker, new Error('chart thread stopped'));
		await worker.terminate();
	}

	private start(): Worker {
		const url = import.meta.url;
		// execArgv []: not the process's own flags (a preload such as bench/load.ts's profiler
		// would run again in the thread, and keep sampling there).
		const options = {
			workerData: { [MARK]: true, nice: SVG_NICE },
			execArgv: [],
			stdout: false,
			stderr: false
		};
		// Under Vite and Vitest this module is TypeScript source: tsx loads it in the thread.
		const worker = url.endsWith('.ts')
			? new Worker(
					`import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(url)}, ${JSON.stringify(url)}))`,
					{ ...options, eval: true }
				)
			: new Worker(new URL(url), options);
		this.starts++;
		worker.unref();
		this.ready = null;
		worker.on('message', (reply: Reply | Ready) => {
			if ('ready' in reply) {
				if (this.worker === worker) this.ready = { tid: reply.tid, nice: reply.nice };
			} else this.settle(worker, reply);
		});
		worker.on('error', (error) => this.fail(worker, error));
		worker.on('exit', (code) => this.fail(worker, new Error(`chart thread exited (${code})`)));
		this.worker = worker;
		return worker;
	}

	private settle(worker: Worker, reply: Reply): void {
		const waiting = this.pending.get(reply.id);
		if (!waiting) return;
		this.pending.delete(reply.id);
		clearTimeout(waiting.timer);
		if (this.pending.size === 0 && this.worker === worker) worker.unref();
		if (reply.svgs) waiting.resolve(reply.svgs);
		else waiting.reject(new Error(`chart render failed: ${reply.error ?? 'unknown error'}`));
	}

	/** The thread is gone (or going): everything it had is rejected; the next render starts one. */
	private fail(worker: Worker, error: Error): void {
		if (this.worker !== worker) return;
		this.worker = null;
		for (const [id, waiting] of this.pending) {
			clearTimeout(waiting.timer);
			waiting.reject(error);
			this.pending.delete(id);
		}
	}
}

export const svgThread = new SvgThread();

/** The job's charts as SVG, drawn on the render thread (or here when SUJARIT_SVG_THREADS=0). */
export async function drawCharts(job: SvgJob): Promise<Record<string, string>> {
	if (THREADS === 0) return drawJob(job);
	return svgThread.draw(job);
}

// In the render thread: answer each job in turn.
if (!isMainThread && parentPort && (workerData as Record<string, unknown> | null)?.[MARK]) {
	const port = parentPort;
	const tid = kernelThreadId();
	const nice = (workerData as { nice?: number }).nice ?? 0;
	let took: number | null = null;
	try {
		if (tid !== null && nice > 0) setPriority(tid, nice);
		took = tid === null ? null : nice;
	} catch {
		// Not allowed here (a sandbox): the thread keeps the process's priority.
	}
	try {
		// Named, so that `top -H` and the load bench's thread sampler can tell it from V8's threads.
		if (tid !== null) writeFileSync('/proc/thread-self/comm', THREAD_NAME);
	} catch {
		// Unnamed: nothing else depends on it.
	}
	port.postMessage({ ready: true, tid, nice: took } satisfies Ready);
	port.on('message', ({ id, job }: { id: number; job: SvgJob }) => {
		try {
			port.postMessage({ id, svgs: drawJob(job) } satisfies Reply);
		} catch (error) {
			port.postMessage({ id, error: String(error) } satisfies Reply);
		}
	});
}
