-- Releases are immutable (issue 5): what the public read under version N never changes. The app
-- role has no UPDATE or DELETE on these tables (0004); these triggers hold the owner to it too.
-- The one update allowed is the foreign key's own ON DELETE SET NULL on published_by (an
-- account removed), which changes nothing the public reads.
CREATE OR REPLACE FUNCTION sujarit_release_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	-- Through jsonb: plpgsql would refuse NEW.published_by on the tables that have no such column.
	IF TG_TABLE_NAME = 'releases'
		AND (to_jsonb(NEW) ->> 'published_by') IS NULL
		AND (to_jsonb(NEW) - 'published_by') = (to_jsonb(OLD) - 'published_by') THEN
		RETURN NEW;
	END IF;
	RAISE EXCEPTION 'releases are immutable: % cannot be updated', TG_TABLE_NAME
		USING ERRCODE = 'restrict_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER releases_immutable BEFORE UPDATE ON releases
	FOR EACH ROW EXECUTE FUNCTION sujarit_release_immutable();
--> statement-breakpoint
CREATE TRIGGER release_figures_immutable BEFORE UPDATE ON release_figures
	FOR EACH ROW EXECUTE FUNCTION sujarit_release_immutable();
--> statement-breakpoint
CREATE TRIGGER release_laos_immutable BEFORE UPDATE ON release_laos
	FOR EACH ROW EXECUTE FUNCTION sujarit_release_immutable();
--> statement-breakpoint
CREATE TRIGGER release_documents_immutable BEFORE UPDATE ON release_documents
	FOR EACH ROW EXECUTE FUNCTION sujarit_release_immutable();
