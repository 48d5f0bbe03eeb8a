-- The rows of a document are seen when their document is (0004), now asked per row with EXISTS
-- on the document's primary key instead of IN over every visible document. Same rows: a NULL
-- or unseen source_document_id hides the row either way, and source_documents' own policy
-- still applies inside the subquery. The difference is the plan: PostgreSQL runs an
-- uncorrelated `IN (SELECT id FROM source_documents)` as a hashed subplan built from ALL the
-- documents the scope sees, once per child table in every statement, however few rows the
-- statement reads. On the national demo (82,303 documents) that was ~150–300 ms per child
-- table: one LAO's page (/lao/<code>, five statements over plan_items, plan_item_budgets,
-- doc_tables, report_items) took 4.9 s, its multi-year plan statement 1,130 ms for 125 rows.
-- A correlated EXISTS gives the planner both ways (an index probe per row, or the same hashed
-- subplan for a scan of the whole table): that statement now takes 2.7 ms, and a national
-- scan of plan_items still hashes the documents once (bench/load.ts, hardening campaign 6).
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['doc_tables', 'plan_items', 'plan_item_budgets', 'report_items',
		'unassigned_amounts', 'checks', 'problems', 'quarantine'] LOOP
		EXECUTE format('ALTER POLICY %I ON %I USING (EXISTS (SELECT 1 FROM source_documents d '
			'WHERE d.id = %I.source_document_id))', t || '_scoped_read', t, t);
	END LOOP;
END $$;
