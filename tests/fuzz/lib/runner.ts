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
import type { Worker } from 'node:worker_threads';
import type { ParseReport } from '../../../etl/parse/common/types.ts';
import { request, startTsWorker } from './ts-worker.ts';

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

/** Node's main-thread stack (V8's default --stack-size, 984 KB). */
const MAIN_STACK_MB = 984 / 1024;
const ENTRY = new URL('./parse-worker.ts', import.meta.url);

type Attempt =
	| { type: 'report'; report: ParseReport; ms: number; cpuMs: number }
	| { type: 'crash'; error: Crash; ms: number; cpuMs: number }
	| { type: 'killed'; ms: number };

export class ParseRunner {
	readonly limitMs: number;
	readonly graceFactor: number;
	private worker: Promise<Worker> | null = null;
	private nextId = 0;

	constructor(options: { limitMs?: number; graceFactor?: number } = {}) {
		this.limitMs = options.limitMs ?? 2000;
		this.graceFactor = options.graceFactor ?? 10;
	}

	private async attempt(bytes: Uint8Array, wallMs: number): Promise<Attempt> {
		this.worker ??= startTsWorker(ENTRY, { stackSizeMb: MAIN_STACK_MB });
		const worker = await this.worker;
		const copy = bytes.slice();
		const message = { id: this.nextId++, bytes: copy } satisfies WorkerRequest;
		const a = await request<WorkerReply>(worker, message, wallMs, [copy.buffer]);
		if (a.type === 'answer' && a.value.type !== 'ready') return a.value;
		// Killed, or dead (out of memory...): the next document gets a fresh worker.
		this.worker = null;
		if (a.type === 'killed') return { type: 'killed', ms: a.wallMs };
		const error = a.type === 'died' ? a.error : new Error('unexpected ready');
		const crash = { name: error.name, message: error.message, stack: error.stack ?? '' };
		return { type: 'crash', error: crash, ms: a.wallMs, cpuMs: 0 };
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

	async close(): Promise<void> {
		const worker = await this.worker?.catch(() => null);
		this.worker = null;
		await worker?.terminate();
	}
}
