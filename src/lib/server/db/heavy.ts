import type { Scope } from '../extracts/scope-where.ts';
import { bulkhead } from '../bulkhead.ts';

/**
 * A bulkhead for the statements that scan the facts of the whole country (a list's count or
 * page, a risk ranking, a view's figures, a page of documents, a list export, in the national
 * scope): at most HEAVY_AT_ONCE of them run at once, and the others wait here, before they open
 * a transaction, so that they hold no connection. Each takes one to several seconds; under load
 * (bench/load.ts, 50 readers) analysts sorting lists by hand kept most of the pool's ten
 * connections busy with them, and every request — a session check, a cached extract — queued
 * behind. The database has the cores it has: more of these at once only makes each slower.
 * A province's facts are about 1/77 of the country's (an officer's not_done count: 21 ms, by the
 * province index): province scopes never wait here behind the national ones.
 * SUJARIT_HEAVY_AT_ONCE overrides the default (2, the cores of the machine measured).
 */
const HEAVY_AT_ONCE = Math.max(1, Number(process.env.SUJARIT_HEAVY_AT_ONCE) || 2);

const national = bulkhead(HEAVY_AT_ONCE);

/**
 * Runs `fn` at once for a province scope; for the national scope, when one of the HEAVY_AT_ONCE
 * places is free (first come, first served).
 */
export function heavy<T>(scope: Scope, fn: () => Promise<T>): Promise<T> {
	return scope.kind === 'national' ? national.run(fn) : fn();
}

/** How many are running and waiting (tests, diagnostics). */
export const heavyLoad = (): { running: number; waiting: number } => national.load();
