/**
 * Campaign 2: every regex of etl/ and src/ on inputs built to make it backtrack, and every parser
 * entry point on 100,000-character adversarial lines. Jobs run in a worker that is killed when a
 * job runs away (a catastrophic regex never returns); a killed batch is re-run one input at a
 * time to name the culprit. `recheck` (the standard ReDoS checker) is not installed; timing each
 * regex on attacks derived from its own AST (regex-attacks.ts) stands in for it: it finds what it
 * measures, not what a proof would.
 *
 * Regexes: every attack at 1k and 10k characters; the three slowest at 10k are measured again at
 * 1k, 10k and 100k (fastest of 3). Flagged when any measure exceeds `regexLimitMs` (100 ms); a
 * measure killed after `killMs` counts as Infinity.
 * Entry points: every adversarial unit at 100k; the three slowest measured at 100k and 400k
 * (fastest of `reps`, interleaved, after a warm-up). Flagged over `entryLimitMs` (200 ms) at
 * 100k, or when four times the input costs more than `maxRatio` (8) times as much in each of
 * three measurements: linear work gives 4, n log n about 4.5, quadratic 16. The first version
 * doubled the input and allowed 2.5×; on a loaded CI machine the lists CSV reader (linear, but
 * one string per field) measured 3.3× three times running, the garbage collector's share, not the
 * algorithm's. Under `floorMs` (25 ms) at 400k the ratio measures the collector alone (a CSV
 * reader went 3.7 → 126 ms from 400k to 800k newlines, run to run), and a quadratic step at 100k
 * characters would cost seconds anyway: such entries are not held to the ratio
 * (`ratioJudged: false` in the figures).
 */
import type { Worker } from 'node:worker_threads';
import { ADVERSARIAL_UNITS, ENTRY_POINTS } from './entry-points.ts';
import { attacksOn, type Attack } from './regex-attacks.ts';
import { distinct, inventory } from './regex-inventory.ts';
import type { TimingJob, TimingReply } from './timing-worker.ts';
import { request, startTsWorker } from './ts-worker.ts';

type JobBody =
	| Omit<Extract<TimingJob, { kind: 'regex' }>, 'id'>
	| Omit<Extract<TimingJob, { kind: 'entry' }>, 'id'>;

const ENTRY = new URL('./timing-worker.ts', import.meta.url);
/**
 * The worker's young generation (V8's default semi-space is 16 MB). Appending a character at a
 * time, as both CSV readers do, leaves one cons-string per character; past ~300,000 characters
 * those no longer fit, every scavenge promotes them and the time jumps ×30 (อบต. repeated:
 * 2.8 ms at 300k, 81 ms at 400k, then linear again: 381 ms at 1.6M). With 128 MB semi-spaces
 * the same reader is 2.6 ms at 400k and 44 ms at 1.6M: the ratio then measures the algorithm.
 */
const YOUNG_GENERATION_MB = 384;
/** A killed measurement: longer than the kill limit. */
export const KILLED = Number.POSITIVE_INFINITY;

export class TimingRunner {
	private worker: Promise<Worker> | null = null;
	private nextId = 0;

	/** [input][length] milliseconds; null when the worker had to be killed. */
	async run(job: JobBody, killMs: number): Promise<number[][] | null> {
		this.worker ??= startTsWorker(ENTRY, { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB });
		const worker = await this.worker;
		const a = await request<TimingReply>(worker, { ...job, id: this.nextId++ }, killMs);
		if (a.type === 'answer') return a.value.ms;
		this.worker = null;
		if (a.type === 'died') throw a.error;
		return null;
	}

	/**
	 * As run, with `batchKillMs` for the whole job; a killed batch is re-run input by input, each
	 * killed after `killMs` (then it measures KILLED).
	 */
	async runEach(job: JobBody, killMs: number, batchKillMs = killMs): Promise<number[][]> {
		const all = await this.run(job, batchKillMs);
		if (all) return all;
		const out: number[][] = [];
		const inputs: Array<Attack | string> = job.kind === 'regex' ? job.attacks : job.units;
		for (const input of inputs) {
			const one =
				job.kind === 'regex'
					? { ...job, attacks: [input as Attack] }
					: { ...job, units: [input as string] };
			const ms = await this.run(one, killMs);
			out.push(ms?.[0] ?? job.lengths.map(() => KILLED));
		}
		return out;
	}

	async close(): Promise<void> {
		const worker = await this.worker?.catch(() => null);
		this.worker = null;
		await worker?.terminate();
	}
}

export interface TimingOptions {
	regexLimitMs: number;
	entryLimitMs: number;
	maxRatio: number;
	floorMs: number;
	reps: number;
	/** Kill a single measurement after this long. */
	killMs: number;
	onProgress?: (what: string) => void;
}

export const DEFAULTS: TimingOptions = {
	regexLimitMs: 100,
	entryLimitMs: 200,
	maxRatio: 8,
	floorMs: 25,
	reps: 7,
	killMs: 2000
};

export interface RegexFigure {
	pattern: string;
	at: string[];
	attacks: number;
	worst: { attack: string; ms1k: number; ms10k: number; ms100k: number };
	flagged: boolean;
}

export interface EntryFigure {
	entry: string;
	worst: { unit: string; ms100k: number; ms400k: number; ratio: number; ratioJudged: boolean };
	flagged: boolean;
	why: string | null;
}

const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : x);

export async function timeRegexes(
	runner: TimingRunner,
	options: TimingOptions = DEFAULTS
): Promise<{ regexes: number; distinct: number; files: number; figures: RegexFigure[] }> {
	const inv = inventory();
	if (inv.unresolved.length > 0) {
		const names = inv.unresolved.map((u) => `${u.file}:${u.line} ${u.name}`).join(', ');
		throw new Error(`regexes built from values nobody can see: ${names} (SAMPLE_VALUES)`);
	}
	const figures: RegexFigure[] = [];
	for (const r of distinct(inv.regexes)) {
		const attacks = attacksOn(r.source, r.flags);
		const pattern = `/${r.source}/${r.flags}`;
		options.onProgress?.(pattern);
		const body = { kind: 'regex', source: r.source, flags: r.flags, reps: 1 } as const;
		const screen = await runner.runEach(
			{ ...body, attacks, lengths: [1000, 10_000] },
			options.killMs,
			options.killMs * 30
		);
		const ranked = attacks
			.map((attack, i) => ({ attack, ms10k: screen[i]![1]! }))
			.sort((a, b) => b.ms10k - a.ms10k)
			.slice(0, 3);
		const top = ranked.map((x) => x.attack);
		const lengths = [1000, 10_000, 100_000];
		const measured = await runner.runEach(
			{ ...body, attacks: top, lengths, reps: 3 },
			options.killMs
		);
		let worst = { attack: '', ms1k: 0, ms10k: 0, ms100k: -1 };
		measured.forEach(([ms1k, ms10k, ms100k], i) => {
			if (ms100k! > worst.ms100k) {
				worst = { attack: top[i]!.name, ms1k: ms1k!, ms10k: ms10k!, ms100k: ms100k! };
			}
		});
		const flagged = Math.max(worst.ms1k, worst.ms10k, worst.ms100k) > options.regexLimitMs;
		figures.push({
			pattern,
			at: r.at,
			attacks: attacks.length,
			worst: {
				attack: worst.attack,
				ms1k: round(worst.ms1k),
				ms10k: round(worst.ms10k),
				ms100k: round(worst.ms100k)
			},
			flagged
		});
	}
	return {
		regexes: inv.regexes.length,
		distinct: figures.length,
		files: inv.files,
		figures
	};
}

export async function timeEntryPoints(
	runner: TimingRunner,
	options: TimingOptions = DEFAULTS
): Promise<EntryFigure[]> {
	const figures: EntryFigure[] = [];
	for (const name of Object.keys(ENTRY_POINTS)) {
		options.onProgress?.(name);
		const body = {
			kind: 'entry' as const,
			name,
			units: ADVERSARIAL_UNITS,
			lengths: [100_000],
			reps: 1
		};
		const screen = await runner.runEach(body, options.killMs, options.killMs * 30);
		const top = ADVERSARIAL_UNITS.map((unit, i) => ({ unit, ms: screen[i]![0]! }))
			.sort((a, b) => b.ms - a.ms)
			.slice(0, 3)
			.map((x) => x.unit);
		const lengths = [100_000, 400_000];
		const measure = () =>
			runner.runEach({ ...body, units: top, lengths, reps: options.reps }, options.killMs * 5);
		const measured = await measure();
		// A ratio over the limit must hold in two more measurements: the smallest of the three counts.
		const ratioOf = (m: number[][], i: number) => m[i]![1]! / Math.max(m[i]![0]!, 1e-6);
		const suspect = (m: number[][]) =>
			m.some((x, i) => x[1]! >= options.floorMs && ratioOf(m, i) > options.maxRatio);
		const again = suspect(measured) ? [await measure(), await measure()] : [];
		let worst = { unit: '', ms100k: -1, ms400k: 0, ratio: 0, ratioJudged: false };
		let why: string | null = null;
		measured.forEach(([ms100k, ms400k], i) => {
			const ratio = Math.min(ratioOf(measured, i), ...again.map((m) => ratioOf(m, i)));
			const judged = Math.min(ms400k!, ...again.map((m) => m[i]![1]!)) >= options.floorMs;
			if (ms100k! > options.entryLimitMs) why ??= `${ms100k!.toFixed(1)} ms at 100k`;
			else if (judged && ratio > options.maxRatio)
				why ??= `×${ratio.toFixed(2)} for four times the input`;
			if (ms100k! > worst.ms100k) {
				worst = { unit: top[i]!, ms100k: ms100k!, ms400k: ms400k!, ratio, ratioJudged: judged };
			}
		});
		figures.push({
			entry: name,
			worst: {
				unit: worst.unit,
				ms100k: round(worst.ms100k),
				ms400k: round(worst.ms400k),
				ratio: round(worst.ratio),
				ratioJudged: worst.ratioJudged
			},
			flagged: why !== null,
			why
		});
	}
	return figures;
}
