ALTER TABLE "release_figures" ALTER COLUMN "province_code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "release_figures" ALTER COLUMN "lao_type" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "release_documents" ADD COLUMN "lao_name_th" text;--> statement-breakpoint
ALTER TABLE "release_documents" ADD COLUMN "lao_type" text;--> statement-breakpoint
ALTER TABLE "release_documents" ADD COLUMN "item_count" integer NOT NULL;