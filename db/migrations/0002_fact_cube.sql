CREATE TABLE "fact_cube" (
	"lao_dla_code" text,
	"province_code" char(2),
	"lao_type" text,
	"fiscal_year" integer NOT NULL,
	"dimension" smallint,
	"item_kind" text,
	"verdict" text NOT NULL,
	"is_synthetic" boolean NOT NULL,
	"plan_items" integer NOT NULL,
	"planned_baht" numeric(18, 2) NOT NULL,
	"zero_budget_items" integer NOT NULL,
	"report_items" integer NOT NULL,
	"done" integer NOT NULL,
	"not_done" integer NOT NULL,
	"in_progress" integer NOT NULL,
	"pending" integer NOT NULL,
	"report_budget_baht" numeric(18, 2) NOT NULL,
	"disbursed_baht" numeric(18, 2) NOT NULL
);
--> statement-breakpoint
CREATE INDEX "fact_cube_fiscal_year_idx" ON "fact_cube" USING btree ("fiscal_year");--> statement-breakpoint
CREATE INDEX "fact_cube_province_code_idx" ON "fact_cube" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "fact_cube_lao_dla_code_idx" ON "fact_cube" USING btree ("lao_dla_code");