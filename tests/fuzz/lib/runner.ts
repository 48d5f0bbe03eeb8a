/**
 * Parses documents in a worker thread with a time limit. The limit is on CPU time (default 2 s):
 * wall time would fail parses whenever other processes share the two cores (load average 11 seen
 * on the CI machine), and CPU time does not grow while a thread waits for a core.
 *
 * A hang cannot be interrupted from inside, so the parent watches the wall clock: a parse that does
 * not answer within the limit has its worker terminated, and the document is parsed again in a
 * fresh worker with a wall allowance of `graceFactor` × the limit. It is a timeout when that one
 * is killed too, or answers after more CPU time than the limit. The worker's start-up (tsx and the
 * ETL modules, ~0.5 s) is not counted.
 *
 * The worker's stack is the main thread's size (~1 MB, Node's default), not a worker's 4 MB: a
 * stack overflow the CLI would hit must not pass here.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParseReport } from '../../../etl/parse/common/types.ts';

export interface WorkerRequest {
	id: number;
	bytes: Uint8Array;
}

type Crash = { name: string; message: string; stack: string };

export type WorkerReply =
	| { id: number; type: 'ready' }
	| { id: number; type: 'report'; report: ParseReport; ms: number; cpuMs: number }
	| { id: number; type: 'crash'; error: Crash; ms: number; cpuMs: number };

export type Outcome =
	| { type: 'report'; report: ParseReport; ms: number; cpuMs: number; retried: boolean }
	| { type: 'crash'; error: Crash; ms: number; cpuMs: number; retried: boolean }
	| { type: 'timeout'; ms: number; cpuMs: number | null; retried: boolean };

/** The worker is TypeScript: it registers tsx itself (Node 20 workers do not inherit hooks). */
function bootstrap(): string {
	const require = createRequire(import.meta.url);
	const tsxRoot = require.resolve('tsx/package.json').replace(/package\.json$/, '');
	const api = pathToFileURL(`${tsxRoot}dist/esm/api/index.mjs`).href;
	const entry = new URL('./parse-worker.ts', import.meta.url).href;
	return `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
}

/** Node's main-thread stack (V8's default --stack-size, 984 KB). */
const MAIN_STACK_MB = 984 / 1024;

type Attempt =
	| { type: 'report'; report: ParseReport; ms: number; cpuMs: number }
	| { type: 'crash'; error: Crash; ms: number; cpuMs: number }
	| { type: 'killed'; ms: number };

export class ParseRunner {
	readonly limitMs: number;
	readonly graceFactor: number;
	private worker: Worker | null = null;
	private ready: Promise<Worker> | null = null;
	private nextId = 0;

	constructor(options: { limitMs?: number; graceFactor?: number } = {}) {
		this.limitMs = options.limitMs ?? 2000;
		this.graceFactor = options.graceFactor ?? 10;
	}

	private start(): Promise<Worker> {
		this.ready ??= new Promise<Worker>((resolve, reject) => {
			const worker = new Worker(bootstrap(), {
				eval: true,
				resourceLimits: { stackSizeMb: MAIN_STACK_MB }
			});
			const onError = (e: Error) => reject(e);
			worker.once('error', onError);
			worker.once('message', (m: WorkerReply) => {
				worker.off('error', onError);
				if (m.type !== 'ready') reject(new Error(`unexpected first message ${m.type}`));
				this.worker = worker;
				resolve(worker);
			});
		});
		return this.ready;
	}

	private async attempt(bytes: Uint8Array, wallMs: number): Promise<Attempt> {
		const worker = await this.start();
		const id = this.nextId++;
		const copy = bytes.slice();
		return new Promise<Attempt>((resolve) => {
			const started = performance.now();
			const done = (outcome: Attempt) => {
				clearTimeout(timer);
				worker.off('message', onMessage);
				worker.off('error', onError);
				worker.off('exit', onExit);
				resolve(outcome);
			};
			const timer = setTimeout(() => {
				void this.kill();
				done({ type: 'killed', ms: performance.now() - started });
			}, wallMs);
			const onMessage = (m: WorkerReply) => {
				if (m.id !== id || m.type === 'ready') return;
				done(m);
			};
			// An error escaping the worker (out of memory...) is a crash too; the worker is gone.
			const onError = (e: Error) => {
				void this.kill();
				const error = { name: e.name, message: e.message, stack: e.stack ?? '' };
				done({ type: 'crash', error, ms: performance.now() - started, cpuMs: 0 });
			};
			const onExit = (code: number) => {
				void this.kill();
				const error = { name: 'WorkerExit', message: `worker exited with ${code}`, stack: '' };
				done({ type: 'crash', error, ms: performance.now() - started, cpuMs: 0 });
			};
			worker.on('message', onMessage);
			worker.once('error', onError);
			worker.once('exit', onExit);
			worker.postMessage({ id, bytes: copy } satisfies WorkerRequest, [copy.buffer]);
		});
	}

	/** Parses one document; never rejects for anything the document does. */
	async parse(bytes: Uint8Array): Promise<Outcome> {
		const first = await this.attempt(bytes, this.limitMs);
		if (first.type !== 'killed') return this.judge(first, false);
		const second = await this.attempt(bytes, this.limitMs * this.graceFactor);
		if (second.type === 'killed')
			return { type: 'timeout', ms: second.ms, cpuMs: null, retried: true };
		return this.judge(second, true);
	}

	private judge(a: Exclude<Attempt, { type: 'killed' }>, retried: boolean): Outcome {
		if (a.type === 'report' && a.cpuMs > this.limitMs)
			return { type: 'timeout', ms: a.ms, cpuMs: a.cpuMs, retried };
		return { ...a, retried };
	}

	private async kill(): Promise<void> {
		const worker = this.worker;
		this.worker = null;
		this.ready = null;
		if (worker) await worker.terminate();
	}

	async close(): Promise<void> {
		await this.ready?.catch(() => undefined);
		await this.kill();
	}
}
