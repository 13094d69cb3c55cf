-- Large snapshots are written in parts of their own rows (see document_snapshot_part in
-- src/lib/server/db/schema.ts); existing snapshots are one part each, as the defaults say.
CREATE TABLE "document_snapshot_part" (
	"workbook_id" text NOT NULL,
	"through_update_id" bigint NOT NULL,
	"write_id" text NOT NULL,
	"seq" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "document_snapshot_part_workbook_id_through_update_id_write_id_seq_pk" PRIMARY KEY("workbook_id","through_update_id","write_id","seq")
);
--> statement-breakpoint
ALTER TABLE "document_snapshot" ADD COLUMN "part_count" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "document_snapshot" ADD COLUMN "write_id" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "document_snapshot_part" ADD CONSTRAINT "document_snapshot_part_workbook_id_workbook_id_fk" FOREIGN KEY ("workbook_id") REFERENCES "public"."workbook"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Parts are stored without TOAST compression, for the reason snapshots' first parts are (0003).
ALTER TABLE "document_snapshot_part" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;
