import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db, Driver } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { withTestDatabase } from '../../db/testing.ts';
import { registryFromDb } from '../../etl/load/registry.ts';
import { ingest } from '../../etl/pipeline.ts';
import { inScope, type DbScope } from '../../src/lib/server/db/scoped.ts';
import { importSampleRegistry } from '../etl/helpers.ts';

/**
 * The schema guard (issue 5), on a database built from the migrations: every table has row-level
 * security enabled AND forced and at least one policy for the app role; the role the app's
 * queries run as is no superuser, cannot bypass RLS and owns nothing; and the policies do what
 * they say on the three real seed documents (Ang Thong 15, Samut Songkhram 75, Lampang 52).
 */
/** The database's own message under drizzle's "Failed query" wrapper, or 'no error'. */
async function refusal(run: () => Promise<unknown>): Promise<string> {
	try {
		await run();
		return 'no error';
	} catch (e) {
		let cause: unknown = e;
		while (cause instanceof Error && cause.cause) cause = cause.cause;
		return cause instanceof Error ? cause.message : String(cause);
	}
}

export function registerRowSecuritySuite(driver: Driver) {
	describe(`row-level security on ${driver}`, () => {
		let handle: Db;
		let db: Database;

		beforeAll(async () => {
			handle = await withTestDatabase(driver);
			db = handle.db;
			await importSampleRegistry(db);
			await ingest(db, 'fixtures/seeds', { registry: await registryFromDb(db) });
		});
		afterAll(async () => {
			await handle?.close();
		});

		const publicTables = () =>
			queryRows<{ name: string; rls: boolean; forced: boolean; policies: number; app: number }>(
				db,
				sql`select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
						(select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies,
						(select count(*)::int from pg_policy p where p.polrelid = c.oid
							and (select oid from pg_roles where rolname = 'sujarit_app') = any (p.polroles)) as app
					from pg_class c join pg_namespace n on n.oid = c.relnamespace
					where n.nspname = 'public' and c.relkind = 'r' order by 1`
			);

		it('enables and forces RLS on every table, each with a policy for sujarit_app', async () => {
			const tables = await publicTables();
			expect(tables.length).toBe(22);
			const weak = tables.filter((t) => !t.rls || !t.forced || t.policies < 2 || t.app < 1);
			expect(weak).toEqual([]);
		});

		it('covers every table with a province column (by name or by reference)', async () => {
			const withProvince = await queryRows<{ table_name: string }>(
				db,
				sql`select distinct table_name from information_schema.columns
					where table_schema = 'public' and column_name in ('province_code', 'view_as_provinces')
					order by 1`
			);
			const tables = new Map((await publicTables()).map((t) => [t.name, t]));
			expect(withProvince.map((r) => r.table_name)).toEqual([
				'fact_cube',
				'laos',
				'release_documents',
				'release_figures',
				'release_laos',
				'sessions',
				'source_documents',
				'user_provinces'
			]);
			for (const { table_name } of withProvince) {
				expect([table_name, tables.get(table_name)?.forced]).toEqual([table_name, true]);
			}
		});

		it('asks for a row’s document per row (EXISTS on its key), not IN over every document', async () => {
			// IN (SELECT id FROM source_documents) was planned as a hashed subplan of all the
			// documents in scope, once per child table in every statement: 4.9 s for one LAO's page
			// on the national demo (migration 0008, bench/load.ts).
			const policies = await queryRows<{ table: string; qual: string }>(
				db,
				sql`select tablename as table, qual from pg_policies
					where policyname = tablename || '_scoped_read' and qual like '%source_documents%'
					order by 1`
			);
			expect(
				policies.map((p) => [
					p.table,
					/^\(?EXISTS \(\s*SELECT 1\s+FROM source_documents d\s+WHERE \(d\.id = \w+\.source_document_id\)\)\)?$/.test(
						p.qual.trim()
					)
				])
			).toEqual(
				[
					'checks',
					'doc_tables',
					'plan_item_budgets',
					'plan_items',
					'problems',
					'quarantine',
					'report_items',
					'unassigned_amounts'
				].map((t) => [t, true])
			);
		});

		it('runs the app as a role that is no superuser, cannot bypass RLS and owns nothing', async () => {
			const [role] = await queryRows<{
				super: boolean;
				bypass: boolean;
				login: boolean;
				owns: number;
			}>(
				db,
				sql`select rolsuper as super, rolbypassrls as bypass, rolcanlogin as login,
						(select count(*)::int from pg_class c where c.relowner = r.oid) as owns
					from pg_roles r where rolname = 'sujarit_app'`
			);
			expect(role).toEqual({ super: false, bypass: false, login: false, owns: 0 });
			const [who] = await inScope(db, { kind: 'national' }, (tx) =>
				queryRows<{ u: string; super: string }>(
					tx,
					sql`select current_user as u, current_setting('is_superuser') as super`
				)
			);
			expect(who).toEqual({ u: 'sujarit_app', super: 'off' });
		});

		/** Rows each scope reads from the tables that hold the seeds. */
		const seen = (scope: DbScope) =>
			inScope(
				db,
				scope,
				async (tx) => {
					const [row] = await queryRows<Record<string, number>>(
						tx,
						sql`select (select count(*)::int from source_documents) as documents,
							(select count(*)::int from plan_items) as plan_items,
							(select count(*)::int from report_items) as report_items,
							(select count(*)::int from plan_item_budgets) as budgets,
							(select count(*)::int from checks) as checks,
							(select count(*)::int from laos) as laos,
							(select count(*)::int from fact_cube) as cube,
							(select count(*)::int from load_runs) as runs,
							(select count(*)::int from users) as users,
							(select count(*)::int from provinces) as provinces`
					);
					if (!row) throw new Error('no row');
					return row;
				},
				{ readOnly: true }
			);

		it('reads each province only in its scope; nothing at all when the scope is unset', async () => {
			const national = await seen({ kind: 'national' });
			const angThong = await seen({ kind: 'provinces', codes: ['15'] });
			const lampang = await seen({ kind: 'provinces', codes: ['52'] });
			const nowhere = await seen({ kind: 'provinces', codes: [] });
			const publicScope = await seen({ kind: 'public' });
			// Ang Thong: its report (52 items); Lampang: Phichai's annual plan (35 + 24 excerpt rows).
			expect([national.documents, angThong.documents, lampang.documents]).toEqual([3, 1, 1]);
			expect([angThong.report_items, angThong.plan_items, lampang.report_items]).toEqual([
				52, 0, 0
			]);
			expect(lampang.plan_items).toBe(59);
			expect(national.plan_items).toBe(59 + 35);
			// The register: the sample's LAOs of each province, never another's.
			const [registerAng] = await queryRows<{ n: number }>(
				db,
				sql`select count(*)::int as n from laos where province_code = '15'`
			);
			expect(angThong.laos).toBe(registerAng?.n);
			// The run ledger is national only; accounts only in scope 'auth'; provinces for all.
			expect([(national.runs ?? 0) > 0, angThong.runs, national.users]).toEqual([true, 0, 0]);
			expect([angThong.provinces, publicScope.provinces]).toEqual([77, 77]);
			const zero = Object.fromEntries(Object.keys(national).map((k) => [k, 0]));
			expect(nowhere).toEqual({ ...zero, provinces: 77 });
			expect(publicScope).toEqual({ ...zero, provinces: 77 });
		});

		it('fails closed: the app role with no scope set reads nothing, writes nothing', async () => {
			const result = await db.transaction(async (tx) => {
				await tx.execute(sql`set local role sujarit_app`);
				const [row] = await queryRows<{ d: number; l: number; u: number }>(
					tx as unknown as Database,
					sql`select (select count(*)::int from source_documents) as d,
						(select count(*)::int from laos) as l, (select count(*)::int from users) as u`
				);
				return row;
			});
			expect(result).toEqual({ d: 0, l: 0, u: 0 });
			const officer: DbScope = { kind: 'provinces', codes: ['15'] };
			const refusals = [
				await refusal(() =>
					inScope(db, officer, (tx) => tx.execute(sql`delete from report_items`))
				),
				await refusal(() =>
					inScope(db, { kind: 'national' }, (tx) =>
						tx.execute(
							sql`insert into users (username, role, password_hash) values ('x1y', 'admin', 'h')`
						)
					)
				),
				// sujarit_app cannot claim the ETL's scope: the maintenance policy excludes the role.
				await refusal(() =>
					inScope(db, { kind: 'national' }, async (tx) => {
						await tx.execute(sql`select set_config('sujarit.scope', 'maintenance', true)`);
						const [n] = await queryRows<{ n: number }>(
							tx,
							sql`select count(*)::int as n from laos`
						);
						if (n?.n !== 0) throw new Error(`maintenance scope read ${n?.n} LAOs`);
						await tx.execute(sql`update laos set name_th = 'x'`);
						const [changed] = await queryRows<{ n: number }>(
							tx,
							sql`select count(*)::int as n from laos where name_th = 'x'`
						);
						return changed;
					})
				),
				await refusal(() =>
					inScope(db, { kind: 'auth' }, (tx) => tx.execute(sql`delete from sessions`), {
						readOnly: true
					})
				)
			];
			expect(refusals).toEqual([
				'permission denied for table report_items',
				'new row violates row-level security policy for table "users"',
				'permission denied for table laos',
				'cannot execute DELETE in a read-only transaction'
			]);
		});
	});
}
