/**
 * Regular expressions and parser entry points under adversarial input (campaign 2 of the
 * hardening issue): `npm run bench:regex`. Every regex of etl/ and src/ on attacks built from its
 * own quantifiers (1k, 10k, 100k characters), every entry point on 100k- and 400k-character
 * adversarial lines. Prints the worst figures and writes bench/results/regex.json; exits 1 when
 * anything is flagged (regex > 100 ms; entry > 200 ms at 100k or > 8× for four times the input).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { TimingRunner, timeEntryPoints, timeRegexes } from '../tests/fuzz/lib/timing.ts';

const started = performance.now();
const runner = new TimingRunner();
try {
	const regexes = await timeRegexes(runner);
	const entries = await timeEntryPoints(runner);
	const seconds = Math.round((performance.now() - started) / 100) / 10;
	const judged = entries.filter((e) => e.worst.ratioJudged);
	const slowest = [...regexes.figures].sort((a, b) => b.worst.ms100k - a.worst.ms100k);
	const out = {
		seconds,
		recheck:
			'npm run bench:recheck (bench/results/recheck.json): the formal check of the same patterns',
		regexes: {
			found: regexes.regexes,
			distinct: regexes.distinct,
			files: regexes.files,
			attacks: regexes.figures.reduce((n, f) => n + f.attacks, 0),
			flagged: regexes.figures.filter((f) => f.flagged),
			slowest: slowest.slice(0, 15)
		},
		entryPoints: {
			flagged: entries.filter((e) => e.flagged),
			all: [...entries].sort((a, b) => b.worst.ms100k - a.worst.ms100k)
		}
	};
	mkdirSync('bench/results', { recursive: true });
	writeFileSync('bench/results/regex.json', `${JSON.stringify(out, null, '\t')}\n`);
	const lines = [
		`regexes: ${regexes.regexes} in ${regexes.files} files (${regexes.distinct} distinct), ${out.regexes.attacks} attacks, ${out.regexes.flagged.length} flagged`,
		'  slowest at 100k characters (ms at 1k / 10k / 100k):',
		...slowest
			.slice(0, 8)
			.map(
				(f) =>
					`    ${f.worst.ms1k} / ${f.worst.ms10k} / ${f.worst.ms100k}  ${f.pattern.slice(0, 60)}  (${f.at[0]}, ${f.worst.attack.slice(0, 40)})`
			),
		`entry points: ${entries.length}, ${out.entryPoints.flagged.length} flagged`,
		'  slowest (ms at 100k / 400k, ratio, unit):',
		...out.entryPoints.all
			.slice(0, 10)
			.map(
				(e) =>
					`    ${e.worst.ms100k} / ${e.worst.ms400k}  ×${e.worst.ratio}  ${e.entry}  ${JSON.stringify(e.worst.unit)}${e.why ? `  FLAGGED: ${e.why}` : ''}`
			),
		`  worst ratio where judged (over 25 ms at 400k): ${Math.max(0, ...judged.map((e) => e.worst.ratio))} (${judged.length} judged; ${entries.length - judged.length} too fast for a ratio, worst ×${Math.max(0, ...entries.map((e) => e.worst.ratio))})`,
		`${seconds} s → bench/results/regex.json`,
		''
	];
	process.stdout.write(lines.join('\n'));
	if (out.regexes.flagged.length + out.entryPoints.flagged.length > 0) process.exitCode = 1;
} finally {
	await runner.close();
}
