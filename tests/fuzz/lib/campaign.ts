/**
 * One fuzz campaign over mutated documents: fast-check draws cases (seed document + mutations),
 * each is parsed in the worker and judged by the oracle. The tallies cover the runs before the
 * first failure (shrinking re-runs are not counted); a failure comes back with fast-check's seed
 * and path (replayable with `npm run fuzz -- --seed S --path P`), the shrunk case and its findings.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { rejectionRules, judge, type Finding } from './oracle.ts';
import { mutateCase, mutationCase, type MutationCase } from './mutations.ts';
import { ParseRunner, type Outcome } from './runner.ts';

export interface CampaignOptions {
	runs: number;
	seed?: number;
	/** fast-check's replay path of a failure (with its seed). */
	path?: string;
	/** CPU time allowed per document (ParseRunner). */
	limitMs?: number;
	onRun?: (done: number) => void;
}

export interface CampaignFailure {
	seed: number;
	path: string;
	case: MutationCase;
	sha256: string;
	findings: Finding[];
	outcome: string;
}

export interface CampaignResult {
	runs: number;
	seed: number;
	accepted: number;
	acceptedWithWarnings: number;
	rejected: number;
	/** Quarantined documents per rule they name (a document naming two rules counts under both). */
	rejectedByRule: Record<string, number>;
	/**
	 * Accepted documents in which a recomputed total differs from the declared one, named by a
	 * failed warning check, per check (a document counts once per check name).
	 */
	toleratedByCheck: Record<string, number>;
	timeouts: number;
	/** Parses that overran the wall clock once and were within the CPU limit in a fresh worker. */
	timeoutRetries: number;
	crashes: number;
	/** Parse time per document in the worker, milliseconds: CPU and wall. */
	cpuMs: { p50: number; p95: number; max: number };
	ms: { p50: number; p95: number; max: number };
	slowest: { case: MutationCase; cpuMs: number; ms: number; bytes: number } | null;
	failure: CampaignFailure | null;
}

export function quantile(sorted: readonly number[], q: number): number {
	if (sorted.length === 0) return 0;
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function summary(values: readonly number[]) {
	const sorted = [...values].sort((a, b) => a - b);
	const round = (x: number) => Math.round(x * 10) / 10;
	return {
		p50: round(quantile(sorted, 0.5)),
		p95: round(quantile(sorted, 0.95)),
		max: round(sorted.at(-1) ?? 0)
	};
}

export function describeOutcome(o: Outcome): string {
	if (o.type !== 'report') return o.type;
	const r = o.report;
	if (r.verdict !== 'quarantined') return `${r.verdict} (${r.kind})`;
	return `quarantined (${r.kind ?? 'no kind'}): ${rejectionRules(r).join(', ')}`;
}

export async function runCampaign(options: CampaignOptions): Promise<CampaignResult> {
	const seed = options.seed ?? (Date.now() ^ (Math.random() * 0x100000000)) >>> 0;
	const runner = new ParseRunner({ limitMs: options.limitMs });
	const times: number[] = [];
	const cpuTimes: number[] = [];
	const result: CampaignResult = {
		runs: 0,
		seed,
		accepted: 0,
		acceptedWithWarnings: 0,
		rejected: 0,
		rejectedByRule: {},
		toleratedByCheck: {},
		timeouts: 0,
		timeoutRetries: 0,
		crashes: 0,
		cpuMs: { p50: 0, p95: 0, max: 0 },
		ms: { p50: 0, p95: 0, max: 0 },
		slowest: null,
		failure: null
	};
	let failing = false;
	const tally = (c: MutationCase, bytes: Uint8Array, outcome: Outcome) => {
		result.runs++;
		if (outcome.retried && outcome.type !== 'timeout') result.timeoutRetries++;
		if (outcome.type === 'timeout') result.timeouts++;
		else if (outcome.type === 'crash') result.crashes++;
		else {
			times.push(outcome.ms);
			cpuTimes.push(outcome.cpuMs);
			if (!result.slowest || outcome.cpuMs > result.slowest.cpuMs) {
				const { ms, cpuMs } = outcome;
				result.slowest = { case: c, cpuMs, ms, bytes: bytes.length };
			}
			const r = outcome.report;
			if (r.verdict === 'accepted') result.accepted++;
			else if (r.verdict === 'accepted_with_warnings') result.acceptedWithWarnings++;
			else {
				result.rejected++;
				for (const rule of rejectionRules(r)) {
					result.rejectedByRule[rule] = (result.rejectedByRule[rule] ?? 0) + 1;
				}
			}
		}
		options.onRun?.(result.runs);
	};
	const property = fc.asyncProperty(mutationCase, async (c) => {
		const bytes = mutateCase(c);
		const outcome = await runner.parse(bytes);
		if (!failing) tally(c, bytes, outcome);
		const tolerated: string[] = [];
		const ok = judge(bytes, outcome, tolerated).length === 0;
		if (!ok) failing = true;
		else if (!failing) {
			for (const name of new Set(tolerated)) {
				result.toleratedByCheck[name] = (result.toleratedByCheck[name] ?? 0) + 1;
			}
		}
		return ok;
	});
	try {
		const details = await fc.check(property, {
			numRuns: options.runs,
			seed,
			path: options.path,
			endOnFailure: options.path !== undefined
		});
		if (details.failed && details.counterexample) {
			const [c] = details.counterexample;
			const bytes = mutateCase(c);
			const outcome = await runner.parse(bytes);
			result.failure = {
				seed: details.seed,
				path: details.counterexamplePath ?? '',
				case: c,
				sha256: createHash('sha256').update(bytes).digest('hex'),
				findings: judge(bytes, outcome),
				outcome: describeOutcome(outcome)
			};
		} else if (details.failed) {
			throw details.errorInstance ?? new Error('fast-check failed without a counterexample');
		}
	} finally {
		await runner.close();
	}
	result.ms = summary(times);
	result.cpuMs = summary(cpuTimes);
	return result;
}
