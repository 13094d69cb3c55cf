CREATE TABLE "share_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workbook_id" text NOT NULL,
	"actor_user_id" text,
	"kind" text NOT NULL,
	"subject" text,
	"detail" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "share_link" (
	"id" text PRIMARY KEY NOT NULL,
	"workbook_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"label" text NOT NULL,
	"role" text DEFAULT 'viewer' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "workbook_invite" (
	"workbook_id" text NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"invited_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workbook_invite_workbook_id_email_pk" PRIMARY KEY("workbook_id","email")
);
--> statement-breakpoint
ALTER TABLE "share_event" ADD CONSTRAINT "share_event_workbook_id_workbook_id_fk" FOREIGN KEY ("workbook_id") REFERENCES "public"."workbook"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_event" ADD CONSTRAINT "share_event_actor_user_id_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_link" ADD CONSTRAINT "share_link_workbook_id_workbook_id_fk" FOREIGN KEY ("workbook_id") REFERENCES "public"."workbook"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_link" ADD CONSTRAINT "share_link_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workbook_invite" ADD CONSTRAINT "workbook_invite_workbook_id_workbook_id_fk" FOREIGN KEY ("workbook_id") REFERENCES "public"."workbook"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workbook_invite" ADD CONSTRAINT "workbook_invite_invited_by_user_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "share_event_workbook_idx" ON "share_event" USING btree ("workbook_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "share_link_token_hash_unique" ON "share_link" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "share_link_workbook_idx" ON "share_link" USING btree ("workbook_id");--> statement-breakpoint
CREATE INDEX "workbook_invite_email_idx" ON "workbook_invite" USING btree ("email");