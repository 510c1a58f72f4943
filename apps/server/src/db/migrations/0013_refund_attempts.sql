ALTER TABLE "refunds" ADD COLUMN "attempt" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "failed_gateway_refund_ids" text[] DEFAULT '{}'::text[] NOT NULL;