import { error } from '@sveltejs/kit';
import * as access from '$lib/server/access';

/**
 * The admin pages' own check (hooks.server.ts checked the route already): the account itself
 * must be an admin, whatever it is viewing as. Returns the admin's session and account.
 */
export function requireAdmin(locals: App.Locals) {
	const viewer = locals.viewer;
	if (viewer.kind !== 'account' || !access.isAdmin(viewer)) {
		error(403, 'administrators only / เฉพาะผู้ดูแลระบบ');
	}
	return viewer;
}
