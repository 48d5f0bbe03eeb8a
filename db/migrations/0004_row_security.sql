-- Row-level security: the database's own wall behind the app's scope checks (issue 5).
-- The app runs every query as sujarit_app (SET LOCAL ROLE in src/lib/server/db/scoped.ts), a
-- role that cannot log in, is not a superuser, cannot bypass RLS and owns nothing; each
-- transaction says whose data it may read in two settings, and an unset setting reads nothing:
--   sujarit.scope      'national' | 'provinces' | 'public' | 'auth' | 'maintenance'
--   sujarit.provinces  '15,52' (scope 'provinces' only)
-- Every table is FORCE'd, so the owner is held to the policies too; the ETL, running as the
-- owner, declares scope 'maintenance' (db/client.ts), which sujarit_app can never use.
-- Roles are cluster-wide and test databases migrate in parallel: create it only if missing.
DO $$ BEGIN
	CREATE ROLE sujarit_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$ BEGIN
	-- The migrating role must be able to SET ROLE sujarit_app (a superuser can anyway).
	EXECUTE format('GRANT sujarit_app TO %I', current_user);
EXCEPTION WHEN duplicate_object OR unique_violation OR insufficient_privilege THEN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sujarit_sees(province text) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
	SELECT CASE current_setting('sujarit.scope', true)
		WHEN 'national' THEN true
		WHEN 'provinces' THEN province = ANY (string_to_array(current_setting('sujarit.provinces', true), ','))
		ELSE false
	END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sujarit_scope_is(VARIADIC scopes text[]) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
	SELECT coalesce(current_setting('sujarit.scope', true) = ANY (scopes), false)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sujarit_maintenance() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
	SELECT current_user <> 'sujarit_app' AND sujarit_scope_is('maintenance')
$$;
--> statement-breakpoint
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['provinces', 'laos', 'load_runs', 'run_events', 'source_documents',
		'doc_tables', 'plan_items', 'plan_item_budgets', 'report_items', 'unassigned_amounts',
		'checks', 'problems', 'quarantine', 'fact_cube', 'users', 'user_provinces', 'sessions',
		'login_throttle', 'releases', 'release_figures', 'release_laos', 'release_documents']
	LOOP
		EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
		EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
		EXECUTE format('CREATE POLICY %I ON %I TO PUBLIC USING (sujarit_maintenance()) '
			'WITH CHECK (sujarit_maintenance())', t || '_maintenance', t);
	END LOOP;

	-- Rows that carry their province: seen when the scope covers it.
	FOREACH t IN ARRAY ARRAY['laos', 'source_documents', 'fact_cube'] LOOP
		EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO sujarit_app '
			'USING (sujarit_sees(province_code))', t || '_scoped_read', t);
	END LOOP;

	-- Rows of a document: seen when their document is (its own policy applies in the subquery).
	FOREACH t IN ARRAY ARRAY['doc_tables', 'plan_items', 'plan_item_budgets', 'report_items',
		'unassigned_amounts', 'checks', 'problems', 'quarantine'] LOOP
		EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO sujarit_app '
			'USING (source_document_id IN (SELECT id FROM source_documents))', t || '_scoped_read', t);
	END LOOP;

	-- The run ledger names folders and URLs of every province: national readers only.
	FOREACH t IN ARRAY ARRAY['load_runs', 'run_events'] LOOP
		EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO sujarit_app '
			'USING (sujarit_scope_is(''national''))', t || '_national_read', t);
	END LOOP;

	-- Accounts and sessions: only the sign-in and account code, in scope 'auth'.
	FOREACH t IN ARRAY ARRAY['users', 'user_provinces', 'sessions', 'login_throttle'] LOOP
		EXECUTE format('CREATE POLICY %I ON %I FOR ALL TO sujarit_app '
			'USING (sujarit_scope_is(''auth'')) WITH CHECK (sujarit_scope_is(''auth''))',
			t || '_auth', t);
	END LOOP;

	-- Published releases are public by definition; only a national (analyst) scope adds one.
	FOREACH t IN ARRAY ARRAY['releases', 'release_figures', 'release_laos', 'release_documents']
	LOOP
		EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO sujarit_app '
			'USING (sujarit_scope_is(''public'', ''national'', ''provinces''))', t || '_read', t);
		EXECUTE format('CREATE POLICY %I ON %I FOR INSERT TO sujarit_app '
			'WITH CHECK (sujarit_scope_is(''national''))', t || '_publish', t);
	END LOOP;
END $$;
--> statement-breakpoint
CREATE POLICY provinces_read ON provinces FOR SELECT TO sujarit_app USING (true);
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO sujarit_app;
--> statement-breakpoint
GRANT SELECT ON ALL TABLES IN SCHEMA public TO sujarit_app;
--> statement-breakpoint
GRANT INSERT, UPDATE, DELETE ON users, user_provinces, sessions, login_throttle TO sujarit_app;
--> statement-breakpoint
GRANT INSERT ON releases, release_figures, release_laos, release_documents TO sujarit_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE users_id_seq, releases_id_seq TO sujarit_app;
