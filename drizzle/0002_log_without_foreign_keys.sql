ALTER TABLE "document_update" DROP CONSTRAINT "document_update_workbook_id_workbook_id_fk";
--> statement-breakpoint
ALTER TABLE "document_update" DROP CONSTRAINT "document_update_user_id_user_id_fk";
