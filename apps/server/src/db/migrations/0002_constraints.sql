-- No double booking: active bookings of one provider never overlap (slot includes the travel buffer).
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist ("provider_id" WITH =, "slot" WITH &&) WHERE ("status" IN ('PENDING', 'CONFIRMED', 'IN_PROGRESS'));--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_slot_matches_schedule" CHECK (lower("slot") = "scheduled_start" AND upper("slot") >= "scheduled_end" AND "scheduled_end" > "scheduled_start");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_price_nonnegative" CHECK ("quoted_price" >= 0 AND ("final_price" IS NULL OR "final_price" >= 0));--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_amount_positive" CHECK ("amount" > 0 AND "refunded_amount" >= 0 AND "refunded_amount" <= "amount");--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_dimensions_range" CHECK (
  ("quality_rating" IS NULL OR "quality_rating" BETWEEN 1 AND 5) AND
  ("punctuality_rating" IS NULL OR "punctuality_rating" BETWEEN 1 AND 5) AND
  ("professionalism_rating" IS NULL OR "professionalism_rating" BETWEEN 1 AND 5) AND
  ("value_rating" IS NULL OR "value_rating" BETWEEN 1 AND 5));--> statement-breakpoint
CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION refuse_change();--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON "ledger_entries" FOR EACH ROW EXECUTE FUNCTION refuse_change();--> statement-breakpoint
CREATE TRIGGER ledger_transactions_append_only BEFORE UPDATE OR DELETE ON "ledger_transactions" FOR EACH ROW EXECUTE FUNCTION refuse_change();
