import { sql, type SQL } from 'drizzle-orm';

// Free of SvelteKit (scopeFor, in scope.ts, is not): the release CLI reads the data version.

/**
 * Which rows a request may see. Every extract and pre-aggregate takes one, and narrows through
 * `scopeWhere` alone, so the access rules (user → provinces) change data in one place.
 */
export type Scope = { kind: 'national' } | { kind: 'provinces'; codes: string[] };

export const NATIONAL: Scope = { kind: 'national' };

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
