-- A contact or case event made from a form carries the form's token, so a resent submit
-- (a retry after a timeout, a double click) finds the first row instead of adding another.
ALTER TABLE "CaseEvent" ADD COLUMN "idempotencyKey" UUID;
ALTER TABLE "LiaisonContact" ADD COLUMN "idempotencyKey" UUID;

CREATE UNIQUE INDEX "CaseEvent_idempotencyKey_key" ON "CaseEvent"("idempotencyKey");
CREATE UNIQUE INDEX "LiaisonContact_idempotencyKey_key" ON "LiaisonContact"("idempotencyKey");
