import { sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import type { Scope } from '../extracts/scope.ts';

/**
 * What one transaction may read, as row-level security sees it (db/migrations/0004): a data
 * scope (national, some provinces), the published releases only ('public'), or the accounts and
 * sessions ('auth', used by src/lib/server/auth alone).
 */
export type DbScope = Scope | { kind: 'public' } | { kind: 'auth' };

export interface ScopeOptions {
	/** GET and HEAD requests read only: the database refuses a write, whatever the code does. */
	readOnly?: boolean;
}

/** Each transaction handle → the database it came from (caches key on that, not on a handle). */
const roots = new WeakMap<object, Database>();

/** The database a handle belongs to: itself, or the one a scoped transaction was opened on. */
export function rootOf(db: Database): Database {
	return roots.get(db) ?? db;
}

/** The two settings the policies read: 'sujarit.scope' and 'sujarit.provinces'. */
export function scopeSettings(scope: DbScope): { scope: string; provinces: string } {
	if (scope.kind === 'provinces') {
		const codes = [...new Set(scope.codes)].sort();
		if (codes.some((c) => !/^\d{2}$/.test(c))) throw new Error(`bad province code in scope`);
		return { scope: 'provinces', provinces: codes.join(',') };
	}
	return { scope: scope.kind, provinces: '' };
}

/**
 * Runs `fn` in one transaction as the role sujarit_app (not the owner, not a superuser, no
 * BYPASSRLS), with the scope set for that transaction only: when it ends, the connection goes
 * back to reading nothing through the app role. Every query the app makes goes through here
 * (src/lib/server/db/index.ts exports nothing else), so a missing WHERE in the app still meets
 * the database's own wall.
 */
export async function inScope<T>(
	db: Database,
	scope: DbScope,
	fn: (tx: Database) => Promise<T>,
	options: ScopeOptions = {}
): Promise<T> {
	const settings = scopeSettings(scope);
	return db.transaction(
		async (transaction) => {
			const tx = transaction as unknown as Database;
			roots.set(tx, rootOf(db));
			// One round trip: set_config('role', …, true) is SET LOCAL ROLE.
			await tx.execute(
				sql`select set_config('role', 'sujarit_app', true),
					set_config('sujarit.scope', ${settings.scope}, true),
					set_config('sujarit.provinces', ${settings.provinces}, true)`
			);
			return fn(tx);
		},
		options.readOnly ? { accessMode: 'read only' } : undefined
	);
}
