import { error } from '@sveltejs/kit';
import { sql, type SQL } from 'drizzle-orm';

/**
 * Which rows a request may see. Every extract and pre-aggregate takes one, and narrows through
 * `scopeWhere` alone, so the access rules (user → provinces) change data in one place.
 */
export type Scope = { kind: 'national' } | { kind: 'provinces'; codes: string[] };

export const NATIONAL: Scope = { kind: 'national' };

/**
 * The scope of a request: what hooks.server.ts derived from the viewer (src/lib/server/access),
 * asked again by every load and endpoint that reads data, so that a route the access table lets
 * through by mistake still reads nothing. No scope (the public, an admin viewing as the public)
 * is a 401. (`object`, not `App.Locals`: tests type-check this file without the app's types.)
 */
export function scopeFor(locals: object): Scope {
	const scope = (locals as { scope?: Scope | null }).scope;
	if (!scope) error(401, 'sign in to see this / เข้าสู่ระบบเพื่อดูข้อมูลนี้');
	return scope;
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
