/**
 * The load generator, a process of its own (bench/load.ts starts it under `taskset -c 1`, the
 * server being on core 0): `tsx bench/lib/load/generator.ts <config.json>`. Signs every account
 * in through POST /login (untimed), then runs closed loops, one keep-alive connection per
 * virtual user, each request sent when the previous answer has been read:
 *  - mixed: N users of mixed roles for a duration, per route class (bench/lib/load/record.ts);
 *  - stepped: 1 → 200 connections, requests/s and p99 per step.
 * The server's event-loop delay is read per phase (SIGUSR2, bench/lib/event-loop-delay.js).
 * Officers' bodies are kept (every extract, 1 in `sampleEvery` of the rest, every refusal) and
 * checked for other provinces' data after the timed part. Writes the results to config.out.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { eldWindow, gcTimeline, type EldWindow, type GcTimeline } from './eld.ts';
import { Connection, sessionCookie } from './http-client.ts';
import { decode, IsolationCheck, type Register, type Violation } from './isolation.ts';
import type { LatencySummary } from './latency.ts';
import { TARGETS } from './report.ts';
import { sampleThreads, type ThreadSecond } from './threads.ts';
import { Recorder, type ClassResult, type SlowAnswers, type Unexpected } from './record.ts';
import {
	cast,
	loginTarget,
	nextTarget,
	rngOf,
	type Fixtures,
	type LoadUser,
	type Target
} from './scenario.ts';

export interface GeneratorConfig {
	baseUrl: string;
	serverPid: number;
	eldFile: string;
	password: string;
	fixtures: Fixtures;
	register: Register;
	provinceSets: string[][];
	/** Accounts of the cast (users beyond it share their sessions, as several tabs do). */
	castSize: number;
	/**
	 * A run of N users for a duration; `thinkMs` is each user's mean pause after an answer
	 * (exponential; 0: the next request at once, a closed loop that saturates the server).
	 */
	mixed: { connections: number; durationMs: number; thinkMs: number } | null;
	/** Steps of N users each (`thinkMs` as in `mixed`). */
	steps: { connections: number[]; durationMs: number; thinkMs: number } | null;
	sampleEvery: number;
	seed: number;
	out: string;
}

export interface MixedResult {
	connections: number;
	durationMs: number;
	/** Mean think time between a user's answer and its next request (0: none). */
	thinkMs: number;
	requests: number;
	requestsPerSecond: number;
	errors: number;
	classes: ClassResult[];
	kinds: ReturnType<Recorder['kinds']>;
	/** The extracts and pages over their targets, by the server's Server-Timing parts. */
	slow: { extract: SlowAnswers; page: SlowAnswers };
	unexpected: Unexpected[];
	eld: EldWindow;
	/** CPU time over the run: the server's (on its core) and this generator's (on its own). */
	cpu: { serverMs: number; generatorMs: number };
	/** This generator's own event-loop delay over the run: late reads of answers inflate latency. */
	generatorEld: GeneratorEld;
	/** CPU ms per second of the run: the server's main thread, render thread, others; PostgreSQL. */
	threads: ThreadSecond[];
	/** The server's garbage collections over the run, placed in its seconds. */
	gc: GcTimeline | null;
	isolation: {
		textBodies: number;
		extractResponses: number;
		extractBodies: number;
		columnsChecked: Record<string, string[]>;
		violations: Violation[];
	};
}

export interface StepResult {
	connections: number;
	thinkMs: number;
	durationMs: number;
	requests: number;
	requestsPerSecond: number;
	errors: number;
	latency: LatencySummary;
	byKind: Record<string, LatencySummary>;
	eld: EldWindow;
	cpu: { serverMs: number; generatorMs: number };
	generatorEld: GeneratorEld;
}

export interface GeneratorEld {
	p50Ms: number;
	p99Ms: number;
	maxMs: number;
}

export interface GeneratorResult {
	signInMs: number;
	mixed: MixedResult | null;
	steps: StepResult[];
}

interface Session {
	cookie: string | null;
}

interface Sample {
	user: LoadUser;
	path: string;
	body: Buffer;
	encoding: string | undefined;
	/** The extract's name, for an extract. */
	extract: string | null;
}

const config = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as GeneratorConfig;
const base = new URL(config.baseUrl);
const users = cast(config.castSize, config.provinceSets);
const sessions = new Map<string, Session>();

/** Untimed: every account of the cast signs in once (two at a time). */
async function signInAll(): Promise<number> {
	const t0 = performance.now();
	const accounts = users.filter((u) => u.username !== null);
	const work = accounts.map((u) => async (conn: Connection) => {
		const answer = await conn.send(loginTarget(base.origin, u.username!, config.password), null);
		const cookie = sessionCookie(answer.headers);
		if (answer.status !== 303 || !cookie) {
			throw new Error(`sign-in of ${u.username}: HTTP ${answer.status} ${answer.error ?? ''}`);
		}
		sessions.set(u.username!, { cookie });
	});
	const lanes = [new Connection(base), new Connection(base)];
	await Promise.all(
		lanes.map(async (conn) => {
			for (let job = work.shift(); job; job = work.shift()) await job(conn);
			conn.close();
		})
	);
	return Math.round(performance.now() - t0);
}

interface Sampler {
	samples: Sample[];
	extractResponses: number;
	seen: Set<string>;
	counter: number;
}

function keep(sampler: Sampler, user: LoadUser, target: Target, body: Buffer, encoding?: string) {
	if (user.role !== 'province_officer') return;
	if (target.kind === 'extract') {
		sampler.extractResponses++;
		const hash = createHash('sha1').update(body).digest('hex');
		const key = `${user.provinces.join(',')}|${target.route}|${hash}`;
		if (sampler.seen.has(key)) return;
		sampler.seen.add(key);
		const extract = target.route.slice(target.route.lastIndexOf('/') + 1);
		sampler.samples.push({ user, path: target.path, body, encoding, extract });
		return;
	}
	if (target.refusal || ++sampler.counter % config.sampleEvery === 0) {
		sampler.samples.push({ user, path: target.path, body, encoding, extract: null });
	}
}

/**
 * Node's server closes a keep-alive socket idle for 5 s: a longer pause would race that close
 * (a request written as the socket shuts is an error no reader would see, the browser retries).
 */
const MAX_THINK_MS = 4000;

/**
 * A reader's pause after an answer: exponential of mean `meanMs`, cut at MAX_THINK_MS (the mean
 * drops by e^-(4000/meanMs): 1.8 % at 1 s); 0 → none.
 */
function thinkTime(rng: () => number, meanMs: number): number {
	return meanMs === 0 ? 0 : Math.min(MAX_THINK_MS, -Math.log(1 - rng()) * meanMs);
}

/**
 * N virtual users in closed loops until the deadline; in-flight answers are awaited. With
 * `thinkMs` each user pauses after every answer (its own random stream, so that the sequence of
 * requests is the same as without pauses).
 */
async function closedLoop(
	connections: number,
	durationMs: number,
	seed: number,
	recorder: Recorder,
	sampler: Sampler | null,
	thinkMs = 0
): Promise<number> {
	const t0 = performance.now();
	const deadline = t0 + durationMs;
	recorder.lateFrom = t0 + durationMs / 2;
	recorder.startedAt = t0;
	await Promise.all(
		Array.from({ length: connections }, async (_, i) => {
			const user = users[i % users.length]!;
			const session = user.username ? sessions.get(user.username)! : { cookie: null };
			const rng = rngOf(seed * 1000 + i);
			const pauses = rngOf(seed * 1000 + i + 500_000);
			const conn = new Connection(base);
			try {
				// Paced users are already mid-session: each starts at a random instant of its
				// first pause rather than all at t0 (a herd no real audience makes).
				if (thinkMs > 0) await new Promise((r) => setTimeout(r, pauses() * thinkMs));
				while (performance.now() < deadline) {
					const next = nextTarget(user, rng, config.fixtures);
					const target =
						next === 'login' ? loginTarget(base.origin, user.username!, config.password) : next;
					const sentAt = performance.now();
					const answer = await conn.send(target, session.cookie);
					const ok = recorder.add(target, user, answer, sentAt);
					if (target.kind === 'login' && ok) {
						const cookie = sessionCookie(answer.headers);
						if (cookie) session.cookie = cookie;
					}
					if (ok && sampler) {
						keep(sampler, user, target, answer.body, answer.headers['content-encoding']);
					}
					const pause = thinkTime(pauses, thinkMs);
					if (pause > 0) {
						if (performance.now() + pause >= deadline) break;
						await new Promise((r) => setTimeout(r, pause));
					}
				}
			} finally {
				conn.close();
			}
		})
	);
	return performance.now() - t0;
}

/** After the timed part: every kept officer body against the register. */
function checkIsolation(sampler: Sampler): MixedResult['isolation'] {
	const check = new IsolationCheck(config.register);
	// dim_lao first in each scope: the lao_key check reads the keys it lists.
	const ordered = [...sampler.samples].sort(
		(a, b) => Number(b.extract === 'dim_lao') - Number(a.extract === 'dim_lao')
	);
	for (const s of ordered) {
		const name = s.user.username ?? 'public';
		const bytes = decode(s.body, s.encoding);
		if (s.extract) check.extract(name, s.user.provinces, s.path, s.extract, bytes);
		else check.text(name, s.user.provinces, s.path, bytes.toString('utf8'));
	}
	return {
		textBodies: check.textBodies,
		extractResponses: sampler.extractResponses,
		extractBodies: check.extractBodies,
		columnsChecked: check.columnsChecked,
		violations: check.violations
	};
}

/** The generator's event-loop delay from now to the returned function's call (10 ms resolution). */
function watchOwnLoop(): () => GeneratorEld {
	const h = monitorEventLoopDelay({ resolution: 10 });
	h.enable();
	return () => {
		h.disable();
		const ms = (ns: number) => Math.round(ns / 1e4) / 100;
		return { p50Ms: ms(h.percentile(50)), p99Ms: ms(h.percentile(99)), maxMs: ms(h.max) };
	};
}

function cpuOver(before: EldWindow, after: EldWindow, generator0: NodeJS.CpuUsage) {
	const generator = process.cpuUsage(generator0);
	return {
		serverMs: after.cpuUserMs + after.cpuSystemMs - (before.cpuUserMs + before.cpuSystemMs),
		generatorMs: Math.round((generator.user + generator.system) / 1000)
	};
}

async function mixed(m: NonNullable<GeneratorConfig['mixed']>): Promise<MixedResult> {
	const recorder = new Recorder();
	const sampler: Sampler = { samples: [], extractResponses: 0, seen: new Set(), counter: 0 };
	const before = await eldWindow(config.serverPid, config.eldFile); // ends the window before
	const cpu0 = process.cpuUsage();
	const ownLoop = watchOwnLoop();
	const threads = sampleThreads(config.serverPid);
	const ms = await closedLoop(
		m.connections,
		m.durationMs,
		config.seed,
		recorder,
		sampler,
		m.thinkMs
	);
	const generatorEld = ownLoop();
	const perSecond = threads();
	const eld = await eldWindow(config.serverPid, config.eldFile);
	return {
		connections: m.connections,
		durationMs: Math.round(ms),
		thinkMs: m.thinkMs,
		requests: recorder.requests,
		requestsPerSecond: Math.round((recorder.requests / ms) * 1000),
		errors: recorder.errors,
		classes: recorder.classes(),
		kinds: recorder.kinds(),
		slow: {
			extract: recorder.slow('extract', TARGETS.extractP99Ms),
			page: recorder.slow('page', TARGETS.pageP99Ms)
		},
		unexpected: recorder.unexpected,
		eld,
		cpu: cpuOver(before, eld, cpu0),
		generatorEld,
		threads: perSecond,
		gc: eld.gc
			? gcTimeline(eld.gc, performance.timeOrigin + recorder.startedAt, ms, eld.stalls)
			: null,
		isolation: checkIsolation(sampler)
	};
}

async function stepped(s: NonNullable<GeneratorConfig['steps']>): Promise<StepResult[]> {
	const out: StepResult[] = [];
	for (const [i, connections] of s.connections.entries()) {
		const recorder = new Recorder();
		const before = await eldWindow(config.serverPid, config.eldFile);
		const cpu0 = process.cpuUsage();
		const ownLoop = watchOwnLoop();
		const ms = await closedLoop(
			connections,
			s.durationMs,
			config.seed + 100 + i,
			recorder,
			null,
			s.thinkMs
		);
		const generatorEld = ownLoop();
		const eld = await eldWindow(config.serverPid, config.eldFile);
		const byKind = Object.fromEntries(
			Object.entries(recorder.kinds()).map(([k, v]) => [k, v.latency])
		);
		const step: StepResult = {
			connections,
			thinkMs: s.thinkMs,
			durationMs: Math.round(ms),
			requests: recorder.requests,
			requestsPerSecond: Math.round((recorder.requests / ms) * 1000),
			errors: recorder.errors,
			latency: recorder.all.summary(),
			byKind,
			eld,
			cpu: cpuOver(before, eld, cpu0),
			generatorEld
		};
		out.push(step);
		process.stdout.write(
			`  step ${String(connections).padStart(3)} ${s.thinkMs ? 'paced users' : 'connections'}: ${step.requestsPerSecond} req/s, p99 ${step.latency.p99Ms} ms, errors ${step.errors}, event-loop p99 ${eld.p99Ms} ms (generator's ${generatorEld.p99Ms} ms)\n`
		);
		if (recorder.unexpected.length > 0) {
			process.stdout.write(`    first unexpected: ${JSON.stringify(recorder.unexpected[0])}\n`);
		}
	}
	return out;
}

const signInMs = await signInAll();
const result: GeneratorResult = {
	signInMs,
	mixed: config.mixed ? await mixed(config.mixed) : null,
	steps: config.steps ? await stepped(config.steps) : []
};
writeFileSync(config.out, `${JSON.stringify(result)}\n`);
// Keep-alive sockets must not hold the process.
process.exit(0);
