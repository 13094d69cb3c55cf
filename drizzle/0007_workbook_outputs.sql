CREATE TABLE "workbook_output" (
	"workbook_id" text PRIMARY KEY NOT NULL,
	"chosen_names" jsonb,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"schedule_e" jsonb,
	"references" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"through_update_id" bigint DEFAULT -1 NOT NULL,
	"computed_at" timestamp with time zone,
	"chosen_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "workbook_output" ADD CONSTRAINT "workbook_output_workbook_id_workbook_id_fk" FOREIGN KEY ("workbook_id") REFERENCES "public"."workbook"("id") ON DELETE cascade ON UPDATE no action;