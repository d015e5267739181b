-- Invordering: cases that ended in this system count in the debtor's segmentation facts (DebtorFactsUpdate).
-- Re-segmenting one debtor reads what happened in their closed cases: letters (letters_case exists), payment
-- plans, seizure orders and remission requests. These indexes let that read go by case instead of scanning
-- each table; a run for every debtor still reads them whole, in one pass each.
CREATE INDEX IF NOT EXISTS payment_plans_case ON payment_plans (case_id);
CREATE INDEX IF NOT EXISTS seizure_orders_case ON seizure_orders (case_id);
CREATE INDEX IF NOT EXISTS remission_requests_case ON remission_requests (case_id);
