CREATE TABLE "cell_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workbook_id" text NOT NULL,
	"sheet_id" text NOT NULL,
	"cell_key" text NOT NULL,
	"update_id" bigint NOT NULL,
	"user_id" text,
	"at" timestamp with time zone NOT NULL,
	"before" text NOT NULL,
	"after" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "history_cursor" (
	"workbook_id" text PRIMARY KEY NOT NULL,
	"through_update_id" bigint NOT NULL,
	"latest_version_id" text NOT NULL,
	"pending" "bytea" NOT NULL,
	"session_started_at" timestamp with time zone,
	"last_edit_at" timestamp with time zone,
	"session_editors" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workbook_version" (
	"id" text PRIMARY KEY NOT NULL,
	"workbook_id" text NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	"through_update_id" bigint NOT NULL,
	"editors" text[] DEFAULT '{}' NOT NULL,
	"base_version_id" text,
	"depth" integer DEFAULT 0 NOT NULL,
	"state" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "share_link" ADD COLUMN "version_id" text;--> statement-breakpoint
ALTER TABLE "cell_history" ADD CONSTRAINT "cell_history_workbook_id_workbook_id_fk" FOREIGN KEY ("workbook_id") REFERENCES "public"."workbook"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "history_cursor" ADD CONSTRAINT "history_cursor_workbook_id_workbook_id_fk" FOREIGN KEY ("workbook_id") REFERENCES "public"."workbook"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workbook_version" ADD CONSTRAINT "workbook_version_workbook_id_workbook_id_fk" FOREIGN KEY ("workbook_id") REFERENCES "public"."workbook"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cell_history_cell_idx" ON "cell_history" USING btree ("workbook_id","sheet_id","cell_key","id");--> statement-breakpoint
CREATE INDEX "cell_history_update_idx" ON "cell_history" USING btree ("workbook_id","update_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workbook_version_seq_unique" ON "workbook_version" USING btree ("workbook_id","seq");--> statement-breakpoint
ALTER TABLE "share_link" ADD CONSTRAINT "share_link_version_id_workbook_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."workbook_version"("id") ON DELETE cascade ON UPDATE no action;