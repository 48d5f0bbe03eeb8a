import type { Scope } from '../extracts/scope.ts';

export type Role = 'admin' | 'analyst' | 'province_officer';
/** The public has no account; an admin may also look through its eyes ("view as"). */
export type EffectiveRole = Role | 'public';

export interface ViewerAccount {
	id: number;
	username: string;
	displayName: string;
	role: Role;
	/** A province_officer's provinces (two-digit codes); empty for the other roles. */
	provinces: string[];
}

/** An admin's "view as": the role and provinces whose view the pages show, bannered. */
export interface ViewAs {
	role: 'analyst' | 'province_officer' | 'public';
	provinces: string[];
}

/** Who is asking: nobody signed in, or an account (possibly an admin viewing as another role). */
export type Viewer =
	| { kind: 'anonymous' }
	| { kind: 'account'; account: ViewerAccount; sessionId: string; viewAs: ViewAs | null };

export const ANONYMOUS: Viewer = { kind: 'anonymous' };

/** The role the pages treat the viewer as: an admin's view-as wins, for admins only. */
export function effectiveRole(viewer: Viewer): EffectiveRole {
	if (viewer.kind === 'anonymous') return 'public';
	if (viewer.account.role === 'admin' && viewer.viewAs) return viewer.viewAs.role;
	return viewer.account.role;
}

/** What the viewer's data pages may read: national, some provinces, or nothing but releases. */
export function scopeOf(viewer: Viewer): Scope | null {
	if (viewer.kind === 'anonymous') return null;
	const role = effectiveRole(viewer);
	if (role === 'public') return null;
	if (role === 'admin' || role === 'analyst') return { kind: 'national' };
	const provinces =
		viewer.account.role === 'admin' && viewer.viewAs
			? viewer.viewAs.provinces
			: viewer.account.provinces;
	return { kind: 'provinces', codes: [...new Set(provinces)].sort() };
}

/** The account's own role, whatever it views as: only this opens the admin pages. */
export function isAdmin(viewer: Viewer): boolean {
	return viewer.kind === 'account' && viewer.account.role === 'admin';
}
