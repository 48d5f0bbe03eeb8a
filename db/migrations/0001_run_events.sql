CREATE TABLE "run_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "run_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"load_run_id" integer NOT NULL,
	"type" text NOT NULL,
	"origin" text NOT NULL,
	"code" text NOT NULL,
	"message" text NOT NULL,
	"retryable" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "run_events_type_check" CHECK ("run_events"."type" in ('skipped', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "load_runs" ADD COLUMN "failed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "run_events" ADD CONSTRAINT "run_events_load_run_id_load_runs_id_fk" FOREIGN KEY ("load_run_id") REFERENCES "public"."load_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "run_events_load_run_id_idx" ON "run_events" USING btree ("load_run_id");--> statement-breakpoint
ALTER TABLE "load_runs" ADD CONSTRAINT "load_runs_counts_add_up" CHECK ("load_runs"."status" <> 'completed' or "load_runs"."seen" = "load_runs"."loaded" + "load_runs"."quarantined" + "load_runs"."duplicate");