/**
 * What a failing case prints: how to replay it, the shrunk case, the findings, the lines they
 * point at, and the entry to paste into tests/fuzz/regressions.test.ts.
 */
import type { CampaignFailure } from './campaign.ts';
import { mutateCase } from './mutations.ts';

const show = (s: string) => JSON.stringify(s).slice(1, -1);

/** The mutated document's lines around each finding (numbered as the parser numbers them). */
export function excerpt(
	bytes: Uint8Array,
	lines: ReadonlyArray<number | null | undefined>,
	around = 2
) {
	const text = new TextDecoder().decode(bytes).split(/\r\n|\r|\n/);
	const wanted = new Set<number>();
	for (const l of lines) {
		if (!l) continue;
		for (let k = Math.max(1, l - around); k <= Math.min(text.length, l + around); k++)
			wanted.add(k);
	}
	return [...wanted]
		.sort((a, b) => a - b)
		.map((k) => `${String(k).padStart(6)} | ${show(text[k - 1]!.slice(0, 300))}`)
		.join('\n');
}

export function formatFailure(f: CampaignFailure, name = 'name-the-quirk'): string {
	const bytes = mutateCase(f.case);
	const findings = f.findings.map(
		(x) => `  - ${x.rule}${x.line ? ` (line ${x.line})` : ''}: ${x.message}`
	);
	const pin = { name, case: f.case, sha256: f.sha256 };
	return [
		`✗ fuzz failure — seed ${f.seed}, path "${f.path}"`,
		`  replay: npm run fuzz -- --seed ${f.seed} --path "${f.path}"`,
		`  document: fixtures/seeds/${f.case.seed}, ${bytes.length} bytes after mutation, sha256 ${f.sha256}`,
		`  outcome: ${f.outcome}`,
		`  findings:`,
		...findings,
		`  minimal case (shrunk):`,
		JSON.stringify(f.case, null, 1)
			.split('\n')
			.map((l) => `    ${l}`)
			.join('\n'),
		`  lines:`,
		excerpt(
			bytes,
			f.findings.map((x) => x.line)
		),
		`  pin it in tests/fuzz/regressions.test.ts:`,
		`    ${JSON.stringify(pin)}`
	].join('\n');
}
