-- The chart of accounts' system accounts (provider wallets are created on first use: provider_wallet:<providerId>).
INSERT INTO "ledger_accounts" ("code", "name", "type") VALUES
  ('gateway_clearing', 'Gateway and bank clearing', 'ASSET'),
  ('escrow', 'Customer payments held in escrow', 'LIABILITY'),
  ('platform_revenue', 'Platform commission', 'REVENUE'),
  ('gst_payable', 'GST payable on commission', 'LIABILITY'),
  ('payouts_in_transit', 'Payouts in transit to providers', 'LIABILITY'),
  ('refunds_payable', 'Refunds owed to customers', 'LIABILITY'),
  ('refunds_expense', 'Refunds borne by the platform after release', 'EXPENSE')
ON CONFLICT ("code") DO NOTHING;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_amount_nonzero" CHECK ("amount" <> 0);--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_amount_positive" CHECK ("amount" > 0);--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_amount_valid" CHECK ("amount" >= 0 AND "provider_share" >= 0 AND "amount" + "provider_share" > 0);--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD CONSTRAINT "payment_attempts_status_valid" CHECK ("status" IN ('FAILED', 'CAPTURED', 'DUPLICATE'));
