CREATE TABLE "checks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "checks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"fiscal_year" integer,
	"dimension" smallint,
	"detail" text,
	"declared" text,
	"computed" text,
	"declared_num" numeric,
	"computed_num" numeric,
	"ok" boolean NOT NULL,
	"severity" text NOT NULL,
	"load_run_id" integer NOT NULL,
	"source_document_id" integer NOT NULL,
	"source_line" integer,
	"is_synthetic" boolean NOT NULL,
	CONSTRAINT "checks_severity_check" CHECK ("checks"."severity" in ('error', 'warning'))
);
--> statement-breakpoint
CREATE TABLE "doc_tables" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "doc_tables_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"table_index" integer NOT NULL,
	"role" text NOT NULL,
	"fiscal_year" integer,
	"line_start" integer NOT NULL,
	"line_end" integer NOT NULL,
	"declared" jsonb NOT NULL,
	"load_run_id" integer NOT NULL,
	"source_document_id" integer NOT NULL,
	"source_line" integer NOT NULL,
	"is_synthetic" boolean NOT NULL,
	CONSTRAINT "doc_tables_document_index_key" UNIQUE("source_document_id","table_index"),
	CONSTRAINT "doc_tables_role_check" CHECK ("doc_tables"."role" in ('multi_year', 'multi_year_excerpt', 'annual', 'report'))
);
--> statement-breakpoint
CREATE TABLE "laos" (
	"dla_code" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"name_th" text NOT NULL,
	"province_code" char(2) NOT NULL,
	"district_th" text,
	"lat" double precision,
	"lon" double precision,
	"area_km2" double precision,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"load_run_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "laos_type_check" CHECK ("laos"."type" in ('provincial_admin_org', 'city_municipality', 'town_municipality', 'subdistrict_municipality', 'subdistrict_admin_org', 'special_admin_area', 'bangkok'))
);
--> statement-breakpoint
CREATE TABLE "load_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "load_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text DEFAULT 'running' NOT NULL,
	"seen" integer DEFAULT 0 NOT NULL,
	"loaded" integer DEFAULT 0 NOT NULL,
	"quarantined" integer DEFAULT 0 NOT NULL,
	"duplicate" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"error" text,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"parser_version" text NOT NULL,
	CONSTRAINT "load_runs_kind_check" CHECK ("load_runs"."kind" in ('ingest', 'registry', 'demo')),
	CONSTRAINT "load_runs_status_check" CHECK ("load_runs"."status" in ('running', 'completed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "plan_item_budgets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_item_budgets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_item_id" integer NOT NULL,
	"fiscal_year" integer NOT NULL,
	"amount" numeric(16, 2),
	"load_run_id" integer NOT NULL,
	"source_document_id" integer NOT NULL,
	"source_line" integer NOT NULL,
	"is_synthetic" boolean NOT NULL,
	CONSTRAINT "plan_item_budgets_item_year_key" UNIQUE("plan_item_id","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"doc_table_id" integer NOT NULL,
	"ordinal" integer NOT NULL,
	"dimension" smallint,
	"name" text NOT NULL,
	"item_kind" text,
	"quarters" boolean[],
	"remark" text,
	"other_lines" integer[] DEFAULT '{}' NOT NULL,
	"lao_dla_code" text,
	"load_run_id" integer NOT NULL,
	"source_document_id" integer NOT NULL,
	"source_line" integer NOT NULL,
	"is_synthetic" boolean NOT NULL,
	CONSTRAINT "plan_items_dimension_check" CHECK ("plan_items"."dimension" between 1 and 4),
	CONSTRAINT "plan_items_item_kind_check" CHECK ("plan_items"."item_kind" in ('project', 'activity', 'measure')),
	CONSTRAINT "plan_items_quarters_check" CHECK (cardinality("plan_items"."quarters") = 4)
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "problems_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"severity" text NOT NULL,
	"message" text NOT NULL,
	"message_th" text,
	"expected" jsonb,
	"found" jsonb,
	"load_run_id" integer NOT NULL,
	"source_document_id" integer NOT NULL,
	"source_line" integer,
	"is_synthetic" boolean NOT NULL,
	CONSTRAINT "problems_severity_check" CHECK ("problems"."severity" in ('error', 'warning'))
);
--> statement-breakpoint
CREATE TABLE "provinces" (
	"code" char(2) PRIMARY KEY NOT NULL,
	"iso" text NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"region" text NOT NULL,
	CONSTRAINT "provinces_iso_unique" UNIQUE("iso"),
	CONSTRAINT "provinces_name_th_unique" UNIQUE("name_th"),
	CONSTRAINT "provinces_region_check" CHECK ("provinces"."region" in ('north', 'northeast', 'central', 'east', 'west', 'south'))
);
--> statement-breakpoint
CREATE TABLE "quarantine" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quarantine_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source_document_id" integer NOT NULL,
	"load_run_id" integer NOT NULL,
	"origin" text NOT NULL,
	"sha256" char(64) NOT NULL,
	"source_line" integer,
	"rule" text NOT NULL,
	"expected" text,
	"found" text,
	"message" text NOT NULL,
	"is_synthetic" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"doc_table_id" integer NOT NULL,
	"ordinal" integer NOT NULL,
	"dimension" smallint,
	"name" text NOT NULL,
	"item_kind" text,
	"fiscal_year" integer,
	"budget" numeric(16, 2),
	"disbursed" numeric(16, 2),
	"status" text,
	"remark" text,
	"other_lines" integer[] DEFAULT '{}' NOT NULL,
	"lao_dla_code" text,
	"load_run_id" integer NOT NULL,
	"source_document_id" integer NOT NULL,
	"source_line" integer NOT NULL,
	"is_synthetic" boolean NOT NULL,
	CONSTRAINT "report_items_dimension_check" CHECK ("report_items"."dimension" between 1 and 4),
	CONSTRAINT "report_items_item_kind_check" CHECK ("report_items"."item_kind" in ('project', 'activity', 'measure')),
	CONSTRAINT "report_items_status_check" CHECK ("report_items"."status" in ('pending', 'in_progress', 'done', 'not_done'))
);
--> statement-breakpoint
CREATE TABLE "source_documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "source_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"sha256" char(64) NOT NULL,
	"origin" text NOT NULL,
	"origin_kind" text NOT NULL,
	"byte_size" integer NOT NULL,
	"kind" text,
	"verdict" text NOT NULL,
	"lao_name_as_written" text,
	"lao_type" text,
	"lao_dla_code" text,
	"lao_resolution" text,
	"province_code" char(2),
	"fiscal_years" integer[] DEFAULT '{}' NOT NULL,
	"as_of" date,
	"title" text,
	"item_count" integer NOT NULL,
	"failed_checks" integer NOT NULL,
	"error_count" integer NOT NULL,
	"warning_count" integer NOT NULL,
	"report" jsonb NOT NULL,
	"content" text,
	"load_run_id" integer NOT NULL,
	"is_synthetic" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "source_documents_sha256_unique" UNIQUE("sha256"),
	CONSTRAINT "source_documents_origin_kind_check" CHECK ("source_documents"."origin_kind" in ('file', 'url')),
	CONSTRAINT "source_documents_kind_check" CHECK ("source_documents"."kind" in ('multi_year_plan', 'annual_plan', 'progress_report')),
	CONSTRAINT "source_documents_verdict_check" CHECK ("source_documents"."verdict" in ('accepted', 'accepted_with_warnings', 'quarantined')),
	CONSTRAINT "source_documents_lao_type_check" CHECK ("source_documents"."lao_type" in ('provincial_admin_org', 'city_municipality', 'town_municipality', 'subdistrict_municipality', 'subdistrict_admin_org', 'special_admin_area', 'bangkok')),
	CONSTRAINT "source_documents_lao_resolution_check" CHECK ("source_documents"."lao_resolution" in ('resolved', 'ambiguous', 'unresolved'))
);
--> statement-breakpoint
CREATE TABLE "unassigned_amounts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unassigned_amounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"doc_table_id" integer NOT NULL,
	"fiscal_year" integer NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	"reason" text NOT NULL,
	"item_ordinals" integer[] NOT NULL,
	"load_run_id" integer NOT NULL,
	"source_document_id" integer NOT NULL,
	"source_line" integer NOT NULL,
	"is_synthetic" boolean NOT NULL,
	CONSTRAINT "unassigned_amounts_reason_check" CHECK ("unassigned_amounts"."reason" in ('shared_cell', 'row_without_item'))
);
--> statement-breakpoint
ALTER TABLE "checks" ADD CONSTRAINT "checks_load_run_id_load_runs_id_fk" FOREIGN KEY ("load_run_id") REFERENCES "public"."load_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checks" ADD CONSTRAINT "checks_source_document_id_source_documents_id_fk" FOREIGN KEY ("source_document_id") REFERENCES "public"."source_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "doc_tables" ADD CONSTRAINT "doc_tables_load_run_id_load_runs_id_fk" FOREIGN KEY ("load_run_id") REFERENCES "public"."load_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "doc_tables" ADD CONSTRAINT "doc_tables_source_document_id_source_documents_id_fk" FOREIGN KEY ("source_document_id") REFERENCES "public"."source_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "laos" ADD CONSTRAINT "laos_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "laos" ADD CONSTRAINT "laos_load_run_id_load_runs_id_fk" FOREIGN KEY ("load_run_id") REFERENCES "public"."load_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_budgets" ADD CONSTRAINT "plan_item_budgets_plan_item_id_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_budgets" ADD CONSTRAINT "plan_item_budgets_load_run_id_load_runs_id_fk" FOREIGN KEY ("load_run_id") REFERENCES "public"."load_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_budgets" ADD CONSTRAINT "plan_item_budgets_source_document_id_source_documents_id_fk" FOREIGN KEY ("source_document_id") REFERENCES "public"."source_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_doc_table_id_doc_tables_id_fk" FOREIGN KEY ("doc_table_id") REFERENCES "public"."doc_tables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_load_run_id_load_runs_id_fk" FOREIGN KEY ("load_run_id") REFERENCES "public"."load_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_source_document_id_source_documents_id_fk" FOREIGN KEY ("source_document_id") REFERENCES "public"."source_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_load_run_id_load_runs_id_fk" FOREIGN KEY ("load_run_id") REFERENCES "public"."load_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_source_document_id_source_documents_id_fk" FOREIGN KEY ("source_document_id") REFERENCES "public"."source_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarantine" ADD CONSTRAINT "quarantine_source_document_id_source_documents_id_fk" FOREIGN KEY ("source_document_id") REFERENCES "public"."source_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarantine" ADD CONSTRAINT "quarantine_load_run_id_load_runs_id_fk" FOREIGN KEY ("load_run_id") REFERENCES "public"."load_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_items" ADD CONSTRAINT "report_items_doc_table_id_doc_tables_id_fk" FOREIGN KEY ("doc_table_id") REFERENCES "public"."doc_tables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_items" ADD CONSTRAINT "report_items_load_run_id_load_runs_id_fk" FOREIGN KEY ("load_run_id") REFERENCES "public"."load_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_items" ADD CONSTRAINT "report_items_source_document_id_source_documents_id_fk" FOREIGN KEY ("source_document_id") REFERENCES "public"."source_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_documents" ADD CONSTRAINT "source_documents_lao_dla_code_laos_dla_code_fk" FOREIGN KEY ("lao_dla_code") REFERENCES "public"."laos"("dla_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_documents" ADD CONSTRAINT "source_documents_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_documents" ADD CONSTRAINT "source_documents_load_run_id_load_runs_id_fk" FOREIGN KEY ("load_run_id") REFERENCES "public"."load_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unassigned_amounts" ADD CONSTRAINT "unassigned_amounts_doc_table_id_doc_tables_id_fk" FOREIGN KEY ("doc_table_id") REFERENCES "public"."doc_tables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unassigned_amounts" ADD CONSTRAINT "unassigned_amounts_load_run_id_load_runs_id_fk" FOREIGN KEY ("load_run_id") REFERENCES "public"."load_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unassigned_amounts" ADD CONSTRAINT "unassigned_amounts_source_document_id_source_documents_id_fk" FOREIGN KEY ("source_document_id") REFERENCES "public"."source_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checks_fiscal_year_idx" ON "checks" USING btree ("fiscal_year");--> statement-breakpoint
CREATE INDEX "checks_load_run_id_idx" ON "checks" USING btree ("load_run_id");--> statement-breakpoint
CREATE INDEX "checks_source_document_id_idx" ON "checks" USING btree ("source_document_id");--> statement-breakpoint
CREATE INDEX "doc_tables_fiscal_year_idx" ON "doc_tables" USING btree ("fiscal_year");--> statement-breakpoint
CREATE INDEX "doc_tables_load_run_id_idx" ON "doc_tables" USING btree ("load_run_id");--> statement-breakpoint
CREATE INDEX "doc_tables_source_document_id_idx" ON "doc_tables" USING btree ("source_document_id");--> statement-breakpoint
CREATE INDEX "laos_province_code_idx" ON "laos" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "laos_load_run_id_idx" ON "laos" USING btree ("load_run_id");--> statement-breakpoint
CREATE INDEX "plan_item_budgets_fiscal_year_idx" ON "plan_item_budgets" USING btree ("fiscal_year");--> statement-breakpoint
CREATE INDEX "plan_item_budgets_load_run_id_idx" ON "plan_item_budgets" USING btree ("load_run_id");--> statement-breakpoint
CREATE INDEX "plan_item_budgets_source_document_id_idx" ON "plan_item_budgets" USING btree ("source_document_id");--> statement-breakpoint
CREATE INDEX "plan_items_doc_table_id_idx" ON "plan_items" USING btree ("doc_table_id");--> statement-breakpoint
CREATE INDEX "plan_items_lao_dla_code_idx" ON "plan_items" USING btree ("lao_dla_code");--> statement-breakpoint
CREATE INDEX "plan_items_load_run_id_idx" ON "plan_items" USING btree ("load_run_id");--> statement-breakpoint
CREATE INDEX "plan_items_source_document_id_idx" ON "plan_items" USING btree ("source_document_id");--> statement-breakpoint
CREATE INDEX "problems_code_idx" ON "problems" USING btree ("code");--> statement-breakpoint
CREATE INDEX "problems_load_run_id_idx" ON "problems" USING btree ("load_run_id");--> statement-breakpoint
CREATE INDEX "problems_source_document_id_idx" ON "problems" USING btree ("source_document_id");--> statement-breakpoint
CREATE INDEX "quarantine_source_document_id_idx" ON "quarantine" USING btree ("source_document_id");--> statement-breakpoint
CREATE INDEX "quarantine_load_run_id_idx" ON "quarantine" USING btree ("load_run_id");--> statement-breakpoint
CREATE INDEX "quarantine_rule_idx" ON "quarantine" USING btree ("rule");--> statement-breakpoint
CREATE INDEX "report_items_doc_table_id_idx" ON "report_items" USING btree ("doc_table_id");--> statement-breakpoint
CREATE INDEX "report_items_lao_dla_code_idx" ON "report_items" USING btree ("lao_dla_code");--> statement-breakpoint
CREATE INDEX "report_items_fiscal_year_idx" ON "report_items" USING btree ("fiscal_year");--> statement-breakpoint
CREATE INDEX "report_items_load_run_id_idx" ON "report_items" USING btree ("load_run_id");--> statement-breakpoint
CREATE INDEX "report_items_source_document_id_idx" ON "report_items" USING btree ("source_document_id");--> statement-breakpoint
CREATE INDEX "source_documents_lao_dla_code_idx" ON "source_documents" USING btree ("lao_dla_code");--> statement-breakpoint
CREATE INDEX "source_documents_province_code_idx" ON "source_documents" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "source_documents_load_run_id_idx" ON "source_documents" USING btree ("load_run_id");--> statement-breakpoint
CREATE INDEX "source_documents_verdict_idx" ON "source_documents" USING btree ("verdict");--> statement-breakpoint
CREATE INDEX "unassigned_amounts_doc_table_id_idx" ON "unassigned_amounts" USING btree ("doc_table_id");--> statement-breakpoint
CREATE INDEX "unassigned_amounts_fiscal_year_idx" ON "unassigned_amounts" USING btree ("fiscal_year");--> statement-breakpoint
CREATE INDEX "unassigned_amounts_load_run_id_idx" ON "unassigned_amounts" USING btree ("load_run_id");--> statement-breakpoint
CREATE INDEX "unassigned_amounts_source_document_id_idx" ON "unassigned_amounts" USING btree ("source_document_id");