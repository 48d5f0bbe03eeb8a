/**
 * Times jobs in a worker (the parent kills it when one runs away): a regex's exec on attack texts,
 * or a parser entry point on adversarial lines; for each input and length, the fastest of `reps`
 * runs after a warm-up run (the fastest is the code's cost; the others add the machine's noise).
 */
import { parentPort } from 'node:worker_threads';
import { ENTRY_POINTS, adversarialLine } from './entry-points.ts';
import { attackText, type Attack } from './regex-attacks.ts';

export type TimingJob =
	| {
			id: number;
			kind: 'regex';
			source: string;
			flags: string;
			attacks: Attack[];
			lengths: number[];
			reps: number;
	  }
	| { id: number; kind: 'entry'; name: string; units: string[]; lengths: number[]; reps: number };

export interface TimingReply {
	id: number;
	type: 'timed';
	/** [input][length] → fastest milliseconds. */
	ms: number[][];
}

const fastest = (xs: number[]) => Math.min(...xs);

/**
 * The fastest of `reps` runs of each, after a warm-up of each; the runs are interleaved (a, b, a, b…)
 * so that a burst of load on a shared machine falls on every length alike.
 */
function time(runs: Array<() => unknown>, reps: number): number[] {
	for (const run of runs) run(); // warm-up: compile, and JIT what the first run taught
	const times = runs.map(() => [] as number[]);
	for (let i = 0; i < reps; i++) {
		runs.forEach((run, k) => {
			const start = performance.now();
			run();
			times[k]!.push(performance.now() - start);
		});
	}
	return times.map(fastest);
}

function regexRun(source: string, flags: string, text: string): () => unknown {
	// exec without g/y tries every start position: the worst of how the code may call it.
	const scan = new RegExp(source, flags.replace(/[gy]/g, ''));
	const global = flags.includes('g') ? new RegExp(source, flags.replace('y', '')) : null;
	return () => {
		scan.exec(text);
		if (global) text.replace(global, '');
	};
}

function entryRun(name: string, text: string): () => unknown {
	const fn = ENTRY_POINTS[name];
	if (!fn) throw new Error(`no entry point ${name}`);
	return () => {
		try {
			return fn(text);
		} catch (e) {
			return e;
		}
	};
}

const port = parentPort!;
port.on('message', (job: TimingJob) => {
	const inputs = job.kind === 'regex' ? job.attacks : job.units;
	const ms = inputs.map((input: Attack | string) =>
		time(
			job.lengths.map((length) =>
				job.kind === 'regex'
					? regexRun(job.source, job.flags, attackText(input as Attack, length))
					: entryRun(job.name, adversarialLine(input as string, length))
			),
			job.reps
		)
	);
	port.postMessage({ id: job.id, type: 'timed', ms } satisfies TimingReply);
});
port.postMessage({ id: -1, type: 'ready' });
