-- DropIndex
DROP INDEX "SafetyAlertIdentifier_unitId_kind_normalised_idx";

-- DropIndex
DROP INDEX "SuspectIdentifier_unitId_kind_normalised_idx";

-- AlterTable
-- Dates of birth become ISO days in text, so they can be stored encrypted; existing values
-- keep their day and are sealed by `npm run keys:rotate`.
ALTER TABLE "Person" ALTER COLUMN "dateOfBirth" SET DATA TYPE TEXT USING to_char("dateOfBirth", 'YYYY-MM-DD');

-- AlterTable
ALTER TABLE "SafetyAlertIdentifier" ADD COLUMN     "normalisedKey" TEXT;

-- AlterTable
ALTER TABLE "SuspectIdentifier" ADD COLUMN     "normalisedKey" TEXT;

-- CreateIndex
CREATE INDEX "SafetyAlertIdentifier_unitId_kind_normalisedKey_idx" ON "SafetyAlertIdentifier"("unitId", "kind", "normalisedKey");

-- CreateIndex
CREATE INDEX "SuspectIdentifier_unitId_kind_normalisedKey_idx" ON "SuspectIdentifier"("unitId", "kind", "normalisedKey");
