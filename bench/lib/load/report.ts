/** The tables bench/load.ts prints: per route class, per kind against its target, per step. */
import type { MixedResult, StepResult } from './generator.ts';
import type { LatencySummary } from './latency.ts';
import type { ThreadSecond } from './threads.ts';

/** Targets of the hardening issue (campaign 6). */
export const TARGETS = {
	errors: 0,
	pageP99Ms: 500,
	jsonP99Ms: 500,
	extractP99Ms: 50,
	eventLoopP99Ms: 100
};

function table(head: string[], rows: string[][], right: Set<number>): string {
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
	const line = (cells: string[]) =>
		cells
			.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
			.join('  ')
			.trimEnd();
	return [line(head), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

const ms = (v: number | null) => (v === null ? '–' : v.toFixed(1));
const lat = (l: LatencySummary) => [ms(l.p50Ms), ms(l.p95Ms), ms(l.p99Ms), ms(l.maxMs)];

export function classTable(mixed: MixedResult): string {
	const rows = mixed.classes.map((c) => [
		c.name,
		String(c.requests),
		String(c.ok),
		String(c.refused),
		String(c.errors),
		...lat(c.latency)
	]);
	return table(
		['route class', 'requests', 'ok', 'refused', 'errors', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
		rows,
		new Set([1, 2, 3, 4, 5, 6, 7, 8])
	);
}

/** Each kind's p99 against its target: pages and __data.json and APIs < 500 ms, extracts ≤ 50. */
export function targetRows(mixed: MixedResult): { rows: string[][]; met: boolean } {
	const target: Record<string, [number, '<' | '≤']> = {
		page: [TARGETS.pageP99Ms, '<'],
		data: [TARGETS.jsonP99Ms, '<'],
		json: [TARGETS.jsonP99Ms, '<'],
		extract: [TARGETS.extractP99Ms, '≤']
	};
	let met = mixed.errors === TARGETS.errors;
	const rows = Object.entries(mixed.kinds).map(([kind, k]) => {
		const t = target[kind];
		const p99 = k.latency.p99Ms ?? 0;
		const ok = !t || (t[1] === '<' ? p99 < t[0] : p99 <= t[0]);
		if (!ok) met = false;
		return [
			kind,
			String(k.requests),
			String(k.errors),
			...lat(k.latency),
			ms(k.secondHalf.p99Ms),
			t ? `p99 ${t[1]} ${t[0]} ms: ${ok ? 'met' : 'MISSED'}` : ''
		];
	});
	const eldOk = mixed.eld.p99Ms < TARGETS.eventLoopP99Ms;
	if (!eldOk) met = false;
	rows.push([
		'event-loop delay (server)',
		String(mixed.eld.samples),
		'',
		ms(mixed.eld.p50Ms),
		ms(mixed.eld.p90Ms),
		ms(mixed.eld.p99Ms),
		ms(mixed.eld.maxMs),
		'',
		`p99 < ${TARGETS.eventLoopP99Ms} ms: ${eldOk ? 'met' : 'MISSED'} (p90 in the p95 column)`
	]);
	return { rows, met };
}

export function kindTable(mixed: MixedResult): string {
	const { rows } = targetRows(mixed);
	return table(
		[
			'kind',
			'requests',
			'errors',
			'p50 ms',
			'p95 ms',
			'p99 ms',
			'max ms',
			'2nd half p99',
			'target'
		],
		rows,
		new Set([1, 2, 3, 4, 5, 6, 7])
	);
}

/** A step against the same targets: p99 per kind, the event loop, no error. */
export function stepMet(step: StepResult): boolean {
	const p99 = (kind: string) => step.byKind[kind]?.p99Ms ?? 0;
	return (
		step.errors === TARGETS.errors &&
		p99('page') < TARGETS.pageP99Ms &&
		p99('data') < TARGETS.jsonP99Ms &&
		p99('json') < TARGETS.jsonP99Ms &&
		p99('extract') <= TARGETS.extractP99Ms &&
		step.eld.p99Ms < TARGETS.eventLoopP99Ms
	);
}

export function stepTable(steps: StepResult[]): string {
	const p99 = (s: StepResult, kind: string) => ms(s.byKind[kind]?.p99Ms ?? null);
	const rows = steps.map((s) => [
		String(s.connections),
		String(s.requests),
		String(s.requestsPerSecond),
		String(s.errors),
		...lat(s.latency),
		p99(s, 'page'),
		p99(s, 'data'),
		p99(s, 'json'),
		p99(s, 'extract'),
		ms(s.eld.p99Ms),
		`${Math.round((s.cpu.serverMs / s.durationMs) * 100)} %`,
		`${Math.round((s.cpu.generatorMs / s.durationMs) * 100)} %`,
		stepMet(s) ? 'met' : 'missed'
	]);
	return table(
		[
			steps[0]?.thinkMs ? 'users' : 'connections',
			'requests',
			'req/s',
			'errors',
			'p50 ms',
			'p95 ms',
			'p99 ms',
			'max ms',
			'page p99',
			'data p99',
			'json p99',
			'extract p99',
			'loop p99',
			'server CPU',
			'generator CPU',
			'targets'
		],
		rows,
		new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14])
	);
}

/** Where the extracts and pages over their targets spent their time (Server-Timing parts). */
export function slowLines(mixed: MixedResult): string {
	return [mixed.slow.extract, mixed.slow.page]
		.map((s) => {
			if (s.answers === 0) return `Slow ${s.kind}s: no Server-Timing headers seen`;
			const parts = Object.entries(s.parts)
				.filter(([name]) => name !== 'bytes')
				.map(([name, p]) => `${name} p50 ${ms(p.p50Ms)} / p90 ${ms(p.p90Ms)} / max ${ms(p.maxMs)}`)
				.join('; ');
			const bytes = s.parts.bytes;
			const routes = Object.entries(s.routes ?? {})
				.slice(0, 6)
				.map(([route, n]) => `${route} ${n}`)
				.join(', ');
			return [
				`Slow ${s.kind}s: ${s.slow} of ${s.answers} over ${s.overMs} ms; ${s.versionRead} waited on a data-version read, ${s.sessionAsked} on a session check (> 1 ms)`,
				`  ms per part (outside = client − app = beforeHeaders + body; beforeHeaders = aroundHooks + beforeNode): ${parts}`,
				bytes
					? `  body bytes p50 ${Math.round(bytes.p50Ms)} / max ${Math.round(bytes.maxMs)}; routes: ${routes}; sent in ${Object.entries(
							s.sentIn ?? {}
						)
							.map(([span, n]) => `${span}: ${n}`)
							.join(', ')}`
					: ''
			]
				.filter(Boolean)
				.join('\n');
		})
		.join('\n');
}

/**
 * Who had the CPU (bench/lib/load/threads.ts): ms per second, the first 10 s one by one, then the
 * mean of the rest. The server's core gives 1,000 ms a second; PostgreSQL's are over both cores.
 */
export function threadLines(mixed: MixedResult): string {
	const seconds = mixed.threads ?? [];
	if (seconds.length === 0) return 'CPU per thread: not sampled (Linux /proc only)';
	const row = (s: Omit<ThreadSecond, 'second'>) =>
		`${s.main}/${s.render}/${s.otherThreads}/${s.postgres}`;
	const first = seconds.slice(0, 10).map(row).join(' ');
	const rest = seconds.slice(10);
	const mean = (key: keyof Omit<ThreadSecond, 'second'>) =>
		Math.round(rest.reduce((sum, s) => sum + s[key], 0) / Math.max(1, rest.length));
	return [
		'CPU ms per second, main / render / other server threads / PostgreSQL:',
		`  s0–9: ${first}`,
		rest.length > 0
			? `  s10–${seconds.length - 1} mean: ${row({ main: mean('main'), render: mean('render'), otherThreads: mean('otherThreads'), postgres: mean('postgres') })}`
			: ''
	]
		.filter(Boolean)
		.join('\n');
}

/**
 * The server's collections over the run (bench/lib/event-loop-delay.js), and the seconds of the
 * slow extracts and pages beside them: a slow answer sent just before a long pause waited for it.
 */
export function gcLines(mixed: MixedResult): string {
	const gc = mixed.gc;
	if (!gc) return 'GC: not recorded (server without the preload)';
	const kinds = Object.entries(gc.kinds)
		.sort((a, b) => b[1].ms - a[1].ms)
		.map(([k, v]) => `${k} ${v.count} (${Math.round(v.ms)} ms, max ${v.maxMs})`)
		.join(', ');
	const at = (events: { atS: number; ms: number }[]) =>
		events.length ? events.map((e) => `${e.atS} (${e.ms})`).join(' ') : 'none';
	const major = gc.events.filter((e) => e.kind === 'major');
	const long = gc.events.filter((e) => e.kind !== 'major' && e.ms >= 5);
	return [
		`GC pauses on the main thread: ${kinds || 'none'}`,
		`  major at s (ms): ${at(major)}`,
		`  other pauses ≥ 5 ms at s (ms): ${at(long)}${gc.unlisted ? ` (+${gc.unlisted} unlisted)` : ''}`,
		`  event-loop stalls ≥ 30 ms at s (ms): ${at(gc.stalls ?? [])}`,
		`  slow extracts at s (ms): ${at(mixed.slow.extract.listed ?? [])}`,
		`  slow pages at s (ms): ${at(mixed.slow.page.listed ?? [])}`
	].join('\n');
}
