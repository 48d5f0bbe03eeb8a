import { sql, type SQL } from 'drizzle-orm';

/**
 * Which rows a request may see. Every extract and pre-aggregate takes one, and narrows through
 * `scopeWhere` alone, so the access rules (user → provinces) change data in one place.
 */
export type Scope = { kind: 'national' } | { kind: 'provinces'; codes: string[] };

export const NATIONAL: Scope = { kind: 'national' };

/**
 * The scope of a request. TODO(access): this is the single place where the access issue plugs
 * in: read the user's provinces from `locals` (set by hooks.server.ts) and return
 * `{ kind: 'provinces', codes }` for a provincial user. Until then every request is national.
 * (`object`, not `App.Locals`: tests type-check this file without the app's ambient types.)
 */
export function scopeFor(_locals: object): Scope {
	return NATIONAL;
}

/** A stable text for cache keys and ETags: 'national' or 'provinces:15,52' (sorted, unique). */
export function scopeKey(scope: Scope): string {
	if (scope.kind === 'national') return 'national';
	return `provinces:${[...new Set(scope.codes)].sort().join(',')}`;
}

/**
 * The WHERE fragment on a province_code column: `true`, `false` for no province, or
 * `column in ($1, $2)` with the codes as parameters (never inlined).
 */
export function scopeWhere(scope: Scope, provinceCode: SQL): SQL {
	if (scope.kind === 'national') return sql`true`;
	if (scope.codes.length === 0) return sql`false`;
	const codes = [...new Set(scope.codes)].sort().map((code) => sql`${code}`);
	return sql`${provinceCode} in (${sql.join(codes, sql`, `)})`;
}
