CREATE TYPE "public"."dispute_resolution" AS ENUM('REFUND_FULL', 'REFUND_PARTIAL', 'REWORK', 'NO_ACTION');--> statement-breakpoint
CREATE TABLE "dispute_resolutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"dispute_event_id" uuid NOT NULL,
	"resolution" "dispute_resolution" NOT NULL,
	"amount_paise" bigint DEFAULT 0 NOT NULL,
	"note" text NOT NULL,
	"refund_id" uuid,
	"rework_start" timestamp with time zone,
	"resolved_by_user_id" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dispute_resolutions" ADD CONSTRAINT "dispute_resolutions_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_resolutions" ADD CONSTRAINT "dispute_resolutions_dispute_event_id_booking_events_id_fk" FOREIGN KEY ("dispute_event_id") REFERENCES "public"."booking_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_resolutions" ADD CONSTRAINT "dispute_resolutions_refund_id_refunds_id_fk" FOREIGN KEY ("refund_id") REFERENCES "public"."refunds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_resolutions" ADD CONSTRAINT "dispute_resolutions_resolved_by_user_id_users_id_fk" FOREIGN KEY ("resolved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dispute_resolutions_event_uq" ON "dispute_resolutions" USING btree ("dispute_event_id");--> statement-breakpoint
CREATE INDEX "dispute_resolutions_booking_idx" ON "dispute_resolutions" USING btree ("booking_id","created_at");--> statement-breakpoint
CREATE INDEX "dispute_resolutions_created_idx" ON "dispute_resolutions" USING btree ("created_at");