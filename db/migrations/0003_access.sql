CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "release_documents" (
	"release_id" integer NOT NULL,
	"source_document_id" integer NOT NULL,
	"sha256" char(64) NOT NULL,
	"kind" text NOT NULL,
	"verdict" text NOT NULL,
	"lao_dla_code" text,
	"province_code" char(2),
	"fiscal_years" integer[] NOT NULL,
	"is_synthetic" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "release_figures" (
	"release_id" integer NOT NULL,
	"province_code" char(2) NOT NULL,
	"lao_type" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"dimension" smallint,
	"is_synthetic" boolean NOT NULL,
	"plan_items" integer NOT NULL,
	"planned_baht" numeric(18, 2) NOT NULL,
	"zero_budget_items" integer NOT NULL,
	"report_items" integer NOT NULL,
	"done" integer NOT NULL,
	"not_done" integer NOT NULL,
	"in_progress" integer NOT NULL,
	"pending" integer NOT NULL,
	"disbursed_baht" numeric(18, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "release_laos" (
	"release_id" integer NOT NULL,
	"lao_dla_code" text NOT NULL,
	"province_code" char(2) NOT NULL,
	"lao_type" text NOT NULL,
	"name_th" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"has_annual_plan" boolean NOT NULL,
	"has_report" boolean NOT NULL,
	"is_synthetic" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "releases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "releases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version" integer NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" integer,
	"note" text DEFAULT '' NOT NULL,
	"data_version" text NOT NULL,
	"document_count" integer NOT NULL,
	"includes_synthetic" boolean NOT NULL,
	CONSTRAINT "releases_version_unique" UNIQUE("version")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"view_as_role" text,
	"view_as_provinces" char(2)[],
	CONSTRAINT "sessions_id_check" CHECK ("sessions"."id" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "sessions_view_as_role_check" CHECK ("sessions"."view_as_role" is null or "sessions"."view_as_role" in ('analyst', 'province_officer', 'public'))
);
--> statement-breakpoint
CREATE TABLE "user_provinces" (
	"user_id" integer NOT NULL,
	"province_code" char(2) NOT NULL,
	CONSTRAINT "user_provinces_user_id_province_code_pk" PRIMARY KEY("user_id","province_code")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"username" text NOT NULL,
	"display_name" text DEFAULT '' NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username"),
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('admin', 'analyst', 'province_officer')),
	CONSTRAINT "users_username_check" CHECK ("users"."username" ~ '^[a-z0-9][a-z0-9._-]{2,63}$')
);
--> statement-breakpoint
ALTER TABLE "release_documents" ADD CONSTRAINT "release_documents_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_figures" ADD CONSTRAINT "release_figures_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_laos" ADD CONSTRAINT "release_laos_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_provinces" ADD CONSTRAINT "user_provinces_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_provinces" ADD CONSTRAINT "user_provinces_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "release_documents_release_id_idx" ON "release_documents" USING btree ("release_id","province_code");--> statement-breakpoint
CREATE INDEX "release_figures_release_id_idx" ON "release_figures" USING btree ("release_id","province_code");--> statement-breakpoint
CREATE INDEX "release_laos_release_id_idx" ON "release_laos" USING btree ("release_id","province_code");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_provinces_province_code_idx" ON "user_provinces" USING btree ("province_code");