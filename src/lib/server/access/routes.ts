import { effectiveRole, isAdmin, scopeOf, type Viewer } from './viewer.ts';

/**
 * Who may open each route, by SvelteKit route id. hooks.server.ts asks `authorize` before any
 * load, action or endpoint runs, and each endpoint asks for its scope again (scopeFor). A route
 * missing from this table is refused (fail closed); access.test.ts fails when a route under
 * src/routes has no entry.
 *  - public:    anyone, signed in or not (published releases, sign-in)
 *  - signed_in: any account whose view has a data scope (national or provinces)
 *  - national:  analysts and admins (national scope): the risk ranking, publishing releases
 *  - admin:     an admin account, whatever it is viewing as
 */
export type Access = 'public' | 'signed_in' | 'national' | 'admin';

export const ROUTE_ACCESS: Readonly<Record<string, Access>> = {
	'/': 'public',
	'/login': 'public',
	'/logout': 'public',
	'/(public)/releases': 'public',
	'/(public)/releases/[version]': 'public',
	'/api/public/releases/[version]/[name]': 'public',
	'/(app)/overview': 'signed_in',
	'/(app)/documents': 'signed_in',
	'/(app)/documents/[id]': 'signed_in',
	'/(app)/lists': 'signed_in',
	'/(app)/lao/[code]': 'signed_in',
	'/(app)/dev/duckdb': 'signed_in',
	'/api/extracts/[name]': 'signed_in',
	'/api/lists/[name]': 'signed_in',
	'/api/overview': 'signed_in',
	'/(app)/risk': 'national',
	'/(app)/publish': 'national',
	'/(app)/admin/users': 'admin',
	'/(app)/admin/view-as': 'admin'
};

export type Decision =
	| { ok: true; access: Access }
	| { ok: false; status: 401 | 403; reason: 'sign_in' | 'forbidden' | 'unlisted_route' };

/** May this viewer open this route? `routeId` null (no route matched) is left to the 404. */
export function authorize(viewer: Viewer, routeId: string | null): Decision {
	if (routeId === null) return { ok: true, access: 'public' };
	const access = ROUTE_ACCESS[routeId];
	if (!access) return { ok: false, status: 403, reason: 'unlisted_route' };
	if (access === 'public') return { ok: true, access };
	if (viewer.kind === 'anonymous') return { ok: false, status: 401, reason: 'sign_in' };
	if (access === 'admin') {
		return isAdmin(viewer) ? { ok: true, access } : { ok: false, status: 403, reason: 'forbidden' };
	}
	const scope = scopeOf(viewer);
	if (!scope) return { ok: false, status: 403, reason: 'forbidden' };
	if (access === 'national') {
		const role = effectiveRole(viewer);
		return role === 'admin' || role === 'analyst'
			? { ok: true, access }
			: { ok: false, status: 403, reason: 'forbidden' };
	}
	return { ok: true, access };
}
