/**
 * What a load run saw, per route class: requests, expected successes, expected refusals, errors
 * (any other status, a network failure, an extract not sent as brotli), statuses and latencies.
 * A class is a kind and a route; an expected refusal is its own class, with the role it is
 * expected for.
 */
import { parseServerTiming } from '../../../src/lib/server/server-timing.ts';
import type { Answer } from './http-client.ts';
import { Latencies, type LatencySummary } from './latency.ts';
import type { Kind, LoadUser, Target } from './scenario.ts';

export interface ClassResult {
	name: string;
	kind: Kind;
	route: string;
	refusal: boolean;
	expect: readonly number[];
	requests: number;
	ok: number;
	refused: number;
	errors: number;
	statuses: Record<string, number>;
	latency: LatencySummary;
}

export interface KindResult {
	requests: number;
	errors: number;
	latency: LatencySummary;
	/** Requests sent in the second half of the run. */
	secondHalf: LatencySummary;
}

/**
 * Where the slow answers' time went (the server's Server-Timing, SUJARIT_SERVER_TIMING=1): of
 * the answers of one kind later than `overMs`, how many and, per part, the median and p90 ms.
 * `outside` is the client's time minus the handler's (`app`): waiting for the event loop, or
 * on the wire; it is split into `beforeHeaders` (the client's time to the response's headers
 * minus `app`: the request waiting to be read and handled, the headers waiting to be written)
 * and `body` (headers to last byte: the body on the wire, written as the server's loop and the
 * socket allow). `bytes` is the body's size as sent. `versionRead` and `sessionAsked` count
 * those that waited on the database for the scope's data version or the session (more than
 * 1 ms); `routes` counts the slow answers per route.
 */
export interface SlowAnswers {
	kind: string;
	overMs: number;
	answers: number;
	slow: number;
	versionRead: number;
	sessionAsked: number;
	parts: Record<string, { p50Ms: number; p90Ms: number; maxMs: number }>;
	routes: Record<string, number>;
	/** How many of the slow answers were sent in each 10 s of the run. */
	sentIn: Record<string, number>;
	/** The slow answers in the order they were sent (at most MAX_SLOW_LISTED): s from the start. */
	listed: { atS: number; ms: number; route: string }[];
}

/** Slow answers listed one by one, to set beside the server's collections (gcTimeline). */
const MAX_SLOW_LISTED = 60;

export interface Unexpected {
	role: string;
	user: string | null;
	method: string;
	path: string;
	status: number;
	error: string | null;
	ms: number;
	body: string;
}

interface Entry {
	target: Target;
	name: string;
	requests: number;
	ok: number;
	refused: number;
	errors: number;
	statuses: Map<string, number>;
	latencies: Latencies;
	/** Requests sent in the second half of the run: caches that readers fill have filled. */
	late: Latencies;
}

const MAX_UNEXPECTED = 40;

export function className(target: Target, user: LoadUser): string {
	const base = `${target.kind} ${target.route}`;
	return target.refusal ? `${base} → ${target.expect.join('/')} (${user.role})` : base;
}

/** Is the answer what the target expects? Returns null when it is, else the reason. */
export function verdictOf(target: Target, answer: Answer): string | null {
	if (answer.error) return answer.error;
	if (!target.expect.includes(answer.status)) return `HTTP ${answer.status}`;
	if (target.kind === 'extract' && answer.headers['content-encoding'] !== 'br') {
		return `extract not brotli (${answer.headers['content-encoding'] ?? 'identity'})`;
	}
	return null;
}

export class Recorder {
	readonly #entries = new Map<string, Entry>();
	/** performance.now() from which a request counts as sent in the second half. */
	lateFrom = Infinity;
	/** performance.now() at the run's start (for when the slow answers were sent). */
	startedAt = 0;
	readonly unexpected: Unexpected[] = [];
	readonly all = new Latencies();
	requests = 0;
	errors = 0;
	/** Per kind, every answer with a Server-Timing header: the client's ms and the server's parts. */
	readonly #timings = new Map<
		string,
		{
			route: string;
			/** Sent this many ms after the run's start. */
			at: number;
			ms: number;
			headersMs: number;
			connectMs: number;
			bytes: number;
			parts: Record<string, number>;
		}[]
	>();

	add(target: Target, user: LoadUser, answer: Answer, sentAt: number): boolean {
		const name = className(target, user);
		let entry = this.#entries.get(name);
		if (!entry) {
			entry = {
				target,
				name,
				requests: 0,
				ok: 0,
				refused: 0,
				errors: 0,
				statuses: new Map(),
				latencies: new Latencies(),
				late: new Latencies()
			};
			this.#entries.set(name, entry);
		}
		const status = answer.error ? 'network' : String(answer.status);
		entry.statuses.set(status, (entry.statuses.get(status) ?? 0) + 1);
		entry.requests++;
		this.requests++;
		entry.latencies.add(answer.ms);
		if (sentAt >= this.lateFrom) entry.late.add(answer.ms);
		this.all.add(answer.ms);
		const timing = answer.headers['server-timing'];
		if (!target.refusal && typeof timing === 'string') {
			let list = this.#timings.get(target.kind);
			if (!list) this.#timings.set(target.kind, (list = []));
			list.push({
				route: target.route,
				at: sentAt - this.startedAt,
				ms: answer.ms,
				headersMs: answer.headersMs,
				connectMs: answer.connectMs,
				bytes: answer.body.length,
				parts: parseServerTiming(timing)
			});
		}
		const reason = verdictOf(target, answer);
		if (reason === null) {
			if (target.refusal) entry.refused++;
			else entry.ok++;
			return true;
		}
		entry.errors++;
		this.errors++;
		if (this.unexpected.length < MAX_UNEXPECTED) {
			this.unexpected.push({
				role: user.role,
				user: user.username,
				method: target.method,
				path: target.path,
				status: answer.status,
				error: reason,
				ms: Math.round(answer.ms),
				body: answer.body.subarray(0, 400).toString('utf8')
			});
		}
		return false;
	}

	classes(): ClassResult[] {
		return [...this.#entries.values()]
			.map((e) => ({
				name: e.name,
				kind: e.target.kind,
				route: e.target.route,
				refusal: e.target.refusal,
				expect: e.target.expect,
				requests: e.requests,
				ok: e.ok,
				refused: e.refused,
				errors: e.errors,
				statuses: Object.fromEntries(e.statuses),
				latency: e.latencies.summary()
			}))
			.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
	}

	/**
	 * Per kind (page, data, json, extract, login), expected refusals apart: what targets judge,
	 * over the whole run and over its second half.
	 */
	kinds(): Record<string, KindResult> {
		const out: Record<
			string,
			{ requests: number; errors: number; all: Latencies; late: Latencies }
		> = {};
		for (const e of this.#entries.values()) {
			const key = e.target.refusal ? 'refusal' : e.target.kind;
			const into = (out[key] ??= {
				requests: 0,
				errors: 0,
				all: new Latencies(),
				late: new Latencies()
			});
			into.requests += e.requests;
			into.errors += e.errors;
			into.all.merge(e.latencies);
			into.late.merge(e.late);
		}
		return Object.fromEntries(
			Object.entries(out).map(([k, v]) => [
				k,
				{
					requests: v.requests,
					errors: v.errors,
					latency: v.all.summary(),
					secondHalf: v.late.summary()
				}
			])
		);
	}

	/** The answers of `kind` slower than `overMs`, broken down by the server's own timings. */
	slow(kind: string, overMs: number): SlowAnswers {
		const all = this.#timings.get(kind) ?? [];
		const slow = all.filter((t) => t.ms > overMs);
		const names = new Set(slow.flatMap((t) => Object.keys(t.parts)));
		const parts: SlowAnswers['parts'] = {};
		const summarise = (values: number[]) => {
			const l = new Latencies();
			for (const v of values) l.add(v);
			const s = l.summary();
			return {
				p50Ms: s.p50Ms ?? 0,
				p90Ms: Math.round(l.percentile(90) * 10) / 10,
				maxMs: s.maxMs ?? 0
			};
		};
		const derived: Record<string, (t: (typeof slow)[number]) => number> = {
			outside: (t) => t.ms - (t.parts.app ?? 0),
			beforeHeaders: (t) => t.headersMs - (t.parts.app ?? 0),
			// The preload's `node` part (bench/lib/event-loop-delay.js): in Node around the hooks…
			aroundHooks: (t) => (t.parts.node ?? t.parts.app ?? 0) - (t.parts.app ?? 0),
			// …and before Node read the request or after it wrote the headers.
			beforeNode: (t) => t.headersMs - (t.parts.node ?? t.parts.app ?? 0),
			// …of which a new connection's TCP connect.
			connect: (t) => t.connectMs,
			body: (t) => t.ms - t.headersMs,
			bytes: (t) => t.bytes
		};
		for (const name of [...names, ...Object.keys(derived)]) {
			const values = slow.map((t) => derived[name]?.(t) ?? t.parts[name] ?? 0);
			if (values.length) parts[name] = summarise(values);
		}
		const routes: Record<string, number> = {};
		for (const t of slow) routes[t.route] = (routes[t.route] ?? 0) + 1;
		const sentIn: Record<string, number> = {};
		for (const t of slow) {
			const from = Math.floor(t.at / 10_000) * 10;
			const key = `${from}-${from + 10} s`;
			sentIn[key] = (sentIn[key] ?? 0) + 1;
		}
		return {
			kind,
			overMs,
			answers: all.length,
			slow: slow.length,
			versionRead: slow.filter((t) => (t.parts.version ?? 0) > 1).length,
			sessionAsked: slow.filter((t) => (t.parts.auth ?? 0) > 1).length,
			parts,
			routes: Object.fromEntries(Object.entries(routes).sort((a, b) => b[1] - a[1])),
			sentIn,
			listed: [...slow]
				.sort((a, b) => a.at - b.at)
				.slice(0, MAX_SLOW_LISTED)
				.map((t) => ({
					atS: Math.round(t.at / 100) / 10,
					ms: Math.round(t.ms * 10) / 10,
					route: t.route
				}))
		};
	}
}
