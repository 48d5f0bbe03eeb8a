/**
 * The full document fuzz campaign: `npm run fuzz -- --runs 10000 [--seed S] [--path P]
 * [--limit-ms 2000]`. Mutated sample documents are parsed in a worker with a time limit and
 * judged by tests/fuzz/lib/oracle.ts. Prints the figures, writes bench/results/fuzz.json, and on a
 * failure prints the seed, the path, the shrunk case, the lines it concerns and the regression
 * entry to pin; exits 1 then.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { runCampaign } from '../tests/fuzz/lib/campaign.ts';
import { formatFailure } from '../tests/fuzz/lib/repro.ts';

function flag(name: string): string | undefined {
	const i = process.argv.indexOf(`--${name}`);
	return i < 0 ? undefined : process.argv[i + 1];
}

function wholeNumber(name: string, fallback?: number, min = 0): number | undefined {
	const v = flag(name);
	if (v === undefined) return fallback;
	const n = Number(v);
	if (!Number.isInteger(n) || n < min) {
		process.stderr.write(`--${name} takes a whole number, not ${v}\n`);
		process.exit(2);
	}
	return n;
}

const runs = wholeNumber('runs', 10_000)!;
// fast-check seeds are 32-bit integers; earlier runs printed signed ones.
const seed = wholeNumber('seed', undefined, -(2 ** 31));
const limitMs = wholeNumber('limit-ms', 2000);
const path = flag('path');
const started = performance.now();
let last = 0;
const result = await runCampaign({
	runs,
	seed,
	path,
	limitMs,
	onRun: (n) => {
		const now = performance.now();
		if (now - last < 5000) return;
		last = now;
		process.stderr.write(`  ${n}/${runs} documents, ${Math.round((now - started) / 1000)} s\n`);
	}
});
const seconds = Math.round((performance.now() - started) / 100) / 10;

const { failure, slowest, ...figures } = result;
const out = {
	...figures,
	seconds,
	limitMs,
	slowest: slowest && {
		cpuMs: Math.round(slowest.cpuMs),
		ms: Math.round(slowest.ms),
		bytes: slowest.bytes,
		case: slowest.case
	},
	failure: failure && {
		seed: failure.seed,
		path: failure.path,
		case: failure.case,
		sha256: failure.sha256,
		outcome: failure.outcome,
		findings: failure.findings
	}
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/fuzz.json', `${JSON.stringify(out, null, '\t')}\n`);

const rules = Object.entries(result.rejectedByRule)
	.sort((a, b) => b[1] - a[1])
	.map(([rule, n]) => `${rule} ${n}`)
	.join(', ');
const tolerated = Object.entries(result.toleratedByCheck)
	.sort((a, b) => b[1] - a[1])
	.map(([check, n]) => `${check} ${n}`)
	.join(', ');
process.stdout.write(
	[
		`fuzz: ${result.runs} documents in ${seconds} s (seed ${result.seed})`,
		`  accepted ${result.accepted}, accepted with warnings ${result.acceptedWithWarnings}, rejected ${result.rejected}`,
		`  rejected by rule: ${rules || '-'}`,
		`  accepted although a recomputed figure differs, named by a failed warning check: ${tolerated || '-'}`,
		`  timeouts ${result.timeouts} (over ${limitMs} ms CPU, or killed twice), crashes ${result.crashes}`,
		`  wall clock overran once, then within the CPU limit in a fresh worker: ${result.timeoutRetries}`,
		`  parse CPU ms per document: p50 ${result.cpuMs.p50}, p95 ${result.cpuMs.p95}, max ${result.cpuMs.max}`,
		`  parse wall ms per document: p50 ${result.ms.p50}, p95 ${result.ms.p95}, max ${result.ms.max}`,
		`  → bench/results/fuzz.json`,
		''
	].join('\n')
);
if (failure) {
	process.stdout.write(`${formatFailure(failure)}\n`);
	process.exit(1);
}
