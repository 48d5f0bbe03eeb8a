/**
 * The formal half of campaign 2 (regular expressions): every regex of etl/ and src/, as the
 * TypeScript compiler finds it (tests/fuzz/lib/regex-inventory.ts), through recheck
 * (makenowjust-labs/recheck: an automaton-based ReDoS checker, with a fuzzing checker where the
 * automaton is too large), in its native build (recheck-linux-x64; no JVM, no network).
 * `npm run bench:recheck`: prints every pattern recheck does not call safe and writes
 * bench/results/recheck.json; exits 1 on any vulnerable pattern. `npm run bench:regex` times the
 * same patterns on attacks built from them; this asks what they can do at worst.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { check, type Diagnostics } from 'recheck';
import { distinct, inventory } from '../tests/fuzz/lib/regex-inventory.ts';

/** Per pattern: long enough for the automaton checker on every pattern we have (~0.1 s each). */
const TIMEOUT_MS = 10_000;

interface Verdict {
	pattern: string;
	flags: string;
	at: string[];
	status: Diagnostics['status'];
	checker: string | null;
	complexity: string | null;
	attack: string | null;
	hotspot: string | null;
	error: string | null;
	ms: number;
}

const started = performance.now();
const found = inventory();
const patterns = distinct(found.regexes);
const verdicts: Verdict[] = [];
for (const p of patterns) {
	const t0 = performance.now();
	const d = await check(p.source, p.flags, { timeout: TIMEOUT_MS });
	const ms = Math.round(performance.now() - t0);
	const vulnerable = d.status === 'vulnerable' ? d : null;
	verdicts.push({
		pattern: p.source,
		flags: p.flags,
		at: p.at,
		status: d.status,
		checker: d.checker ?? null,
		complexity: d.status === 'unknown' ? null : d.complexity.type,
		attack: vulnerable ? vulnerable.attack.pattern : null,
		hotspot: vulnerable
			? vulnerable.hotspot.map((h) => p.source.slice(h.start, h.end)).join(' ')
			: null,
		error: d.status === 'unknown' ? `${d.error.kind}` : null,
		ms
	});
}

const count = (status: Verdict['status']) => verdicts.filter((v) => v.status === status).length;
const byComplexity: Record<string, number> = {};
for (const v of verdicts) {
	const key = v.complexity ?? `unknown (${v.error})`;
	byComplexity[key] = (byComplexity[key] ?? 0) + 1;
}
const out = {
	date: new Date().toISOString(),
	recheck: (await import('recheck/package.json', { with: { type: 'json' } })).default.version,
	timeoutMs: TIMEOUT_MS,
	seconds: Math.round((performance.now() - started) / 100) / 10,
	regexes: found.regexes.length,
	distinct: patterns.length,
	files: found.files,
	unresolved: found.unresolved,
	safe: count('safe'),
	vulnerable: count('vulnerable'),
	unknown: count('unknown'),
	byComplexity,
	notSafe: verdicts.filter((v) => v.status !== 'safe'),
	slowest: [...verdicts].sort((a, b) => b.ms - a.ms).slice(0, 5)
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/recheck.json', `${JSON.stringify(out, null, '\t')}\n`);
process.stdout.write(
	[
		`recheck ${out.recheck}: ${out.regexes} regexes in ${out.files} files, ${out.distinct} distinct patterns`,
		`  safe ${out.safe}, vulnerable ${out.vulnerable}, unknown ${out.unknown}  (${JSON.stringify(byComplexity)})`,
		...out.notSafe.map(
			(v) =>
				`  ${v.status.toUpperCase()} /${v.pattern}/${v.flags} (${v.complexity ?? v.error}) at ${v.at.join(', ')}${v.attack ? `\n    attack ${v.attack.slice(0, 100)}  hotspot ${v.hotspot}` : ''}`
		),
		`${out.seconds} s → bench/results/recheck.json`,
		''
	].join('\n')
);
if (out.vulnerable > 0 || out.unknown > 0) process.exitCode = 1;
