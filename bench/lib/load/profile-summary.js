/**
 * A V8 CPU profile (bench/load.ts with LOAD_CPU_PROFILE_DIR) summarised: where the server's core
 * went, by module and by function (self time). `node bench/lib/load/profile-summary.js <file>`.
 */
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) throw new Error('usage: node bench/lib/load/profile-summary.js <file.cpuprofile> [top]');
const top = Number(process.argv[3] ?? 40);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
/** @type {Map<string, number>} */
const byFunction = new Map();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
	const frame = nodes.get(profile.samples[i]).callFrame;
	const micros = profile.timeDeltas[i] ?? 0;
	total += micros;
	const where = frame.url.replace(/^.*?\/(node_modules\/[^/]+|build|src|bench)\//, '$1/');
	const key = `${frame.functionName || '(anonymous)'}  ${where}:${frame.lineNumber + 1}`;
	byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
}
/** @type {Map<string, number>} */
const byModule = new Map();
for (const [key, micros] of byFunction) {
	const where = key.split('  ')[1] ?? '';
	const parts = where.split('/');
	const module = where.startsWith('node_modules/')
		? parts.slice(0, 2).join('/')
		: where.includes(':') && !where.startsWith(':')
			? parts.slice(0, 3).join('/').split(':')[0]
			: key.split('  ')[0];
	byModule.set(module, (byModule.get(module) ?? 0) + micros);
}
const ms = (micros) => (micros / 1000).toFixed(0).padStart(8);
const pct = (micros) => `${((100 * micros) / total).toFixed(1).padStart(5)} %`;
const rows = (map) =>
	[...map]
		.sort((a, b) => b[1] - a[1])
		.slice(0, top)
		.map(([k, v]) => `${ms(v)} ms ${pct(v)}  ${k}`);
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
console.log('— by module (self time)');
console.log(rows(byModule).join('\n'));
console.log('— by function (self time)');
console.log(rows(byFunction).join('\n'));
