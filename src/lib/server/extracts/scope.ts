import { error } from '@sveltejs/kit';
import type { Scope } from './scope-where.ts';

export { NATIONAL, scopeKey, scopeWhere, type Scope } from './scope-where.ts';

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
