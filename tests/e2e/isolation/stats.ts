/** What the probes did, for the assertions on positive controls and for the summary JSON. */
import type { BodyKind } from './decode.ts';
import type { ProbeRequest } from './probe.ts';

export class Stats {
	probes = 0;
	readonly responsesByStatus: Record<string, number> = {};
	readonly bytesDecodedByKind: Record<string, number> = {};
	readonly bodiesByKind: Record<string, number> = {};
	/** Route id → request kinds sent to it. */
	readonly routes = new Map<string, Set<string>>();
	/** Principal → tokens (lower case) found in what it was answered. */
	readonly seen = new Map<string, Set<string>>();
	/** Things worth a look that are not failures, with how often they were seen. */
	readonly observations: Record<string, number> = {};
	/** Principal → route → statuses, for the matrix table. */
	readonly statuses = new Map<string, Map<string, Set<number>>>();

	record(
		principal: string,
		request: ProbeRequest,
		status: number,
		kind: BodyKind,
		bytes: number,
		tokens: string[]
	): void {
		this.probes++;
		this.responsesByStatus[status] = (this.responsesByStatus[status] ?? 0) + 1;
		this.bytesDecodedByKind[kind] = (this.bytesDecodedByKind[kind] ?? 0) + bytes;
		this.bodiesByKind[kind] = (this.bodiesByKind[kind] ?? 0) + 1;
		const kinds = this.routes.get(request.route) ?? new Set();
		kinds.add(`${request.method} ${request.kind}`);
		this.routes.set(request.route, kinds);
		const seen = this.seen.get(principal) ?? new Set();
		for (const t of tokens) seen.add(t);
		this.seen.set(principal, seen);
		const byRoute = this.statuses.get(principal) ?? new Map<string, Set<number>>();
		const set = byRoute.get(request.route) ?? new Set<number>();
		set.add(status);
		byRoute.set(request.route, set);
		this.statuses.set(principal, byRoute);
	}

	observe(what: string): void {
		this.observations[what] = (this.observations[what] ?? 0) + 1;
	}

	/** Which of `tokens` the principal was shown somewhere. */
	sawTokens(principal: string, tokens: string[]): string[] {
		const seen = this.seen.get(principal) ?? new Set();
		return tokens.filter((t) => seen.has(t.toLowerCase()));
	}
}
