/**
 * Campaign 1 in CI: 1,000 mutated sample documents (insert, delete, duplicate, swap lines; CR/LF/
 * CRLF; bad UTF-8, BOM, zero-width and bidi characters; Thai↔Arabic digits; impossible years; one
 * line 100,000 times; truncation), each parsed from bytes in a worker with 2 s of CPU at most and
 * judged by tests/fuzz/lib/oracle.ts. The seed is fixed so that CI is repeatable (FUZZ_SEED=n
 * picks another); `npm run fuzz -- --runs 10000` explores with a fresh one. A failure prints the
 * seed, the replay path, the shrunk case and the lines it concerns: pin it in regressions.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { runCampaign } from './lib/campaign.ts';
import { formatFailure } from './lib/repro.ts';

const RUNS = 1000;
const SEED = Number(process.env.FUZZ_SEED ?? 20_251_204);

describe('mutated documents', () => {
	it(`${RUNS} mutated seed documents: accepted with reconciled totals, or rejected at a line and rule; never a crash or a hang`, async () => {
		const result = await runCampaign({ runs: RUNS, seed: SEED });
		if (result.failure) process.stdout.write(`${formatFailure(result.failure)}\n`);
		expect(result.failure?.findings ?? []).toEqual([]);
		const { runs, timeouts, crashes } = result;
		expect({ runs, timeouts, crashes }).toEqual({ runs: RUNS, timeouts: 0, crashes: 0 });
		// Both sides of the oracle were exercised, not only one.
		expect(result.rejected).toBeGreaterThan(RUNS / 10);
		expect(result.acceptedWithWarnings).toBeGreaterThan(RUNS / 10);
		process.stdout.write(
			`fuzz seed ${SEED}: accepted ${result.accepted + result.acceptedWithWarnings}, rejected ${result.rejected}, CPU ms p50 ${result.cpuMs.p50} p95 ${result.cpuMs.p95} max ${result.cpuMs.max}\n`
		);
	});
});
