-- CreateEnum
CREATE TYPE "ConsentField" AS ENUM ('WORKING_NAME', 'CONTACT_SAFETY', 'LANGUAGE_AND_ACCESS', 'REFERRAL_REASON', 'SUPPORT_NEEDED', 'INCIDENT_SUMMARY');

-- CreateEnum
CREATE TYPE "LawfulBasis" AS ENUM ('CHILD_SAFEGUARDING', 'ADULT_AT_RISK', 'THREAT_TO_LIFE');

-- CreateEnum
CREATE TYPE "ReferralCloseReason" AS ENUM ('SUPPORT_TAKEN_UP', 'COULD_NOT_MAKE_CONTACT', 'PERSON_DECLINED', 'OTHER');

-- CreateEnum
CREATE TYPE "ReferralSide" AS ENUM ('UNIT', 'AGENCY');

-- AlterEnum
ALTER TYPE "ReferralStatus" ADD VALUE 'WITHDRAWN';

-- DropForeignKey
ALTER TABLE "Referral" DROP CONSTRAINT "Referral_consentId_fkey";

-- AlterTable
ALTER TABLE "Consent" ADD COLUMN     "fields" "ConsentField"[] DEFAULT ARRAY[]::"ConsentField"[],
ADD COLUMN     "withdrawalMethod" "ConsentMethod",
ADD COLUMN     "withdrawnById" UUID;

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "closeNote" TEXT,
ADD COLUMN     "closeReason" "ReferralCloseReason",
ADD COLUMN     "declineReason" TEXT,
ADD COLUMN     "erasureAcknowledgedAt" TIMESTAMPTZ(3),
ADD COLUMN     "erasureAcknowledgedById" UUID,
ADD COLUMN     "officerContact" TEXT,
ADD COLUMN     "overrideId" UUID,
ADD COLUMN     "reason" TEXT,
ADD COLUMN     "shared" JSONB,
ADD COLUMN     "sharedFields" "ConsentField"[] DEFAULT ARRAY[]::"ConsentField"[],
ADD COLUMN     "withdrawnAt" TIMESTAMPTZ(3),
ALTER COLUMN "consentId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "SharingOverride" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "basis" "LawfulBasis" NOT NULL,
    "reason" TEXT NOT NULL,
    "fields" "ConsentField"[] DEFAULT ARRAY[]::"ConsentField"[],
    "approvedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SharingOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferralUpdate" (
    "id" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "side" "ReferralSide" NOT NULL,
    "authorId" UUID,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferralUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SharingOverride_personId_agencyId_idx" ON "SharingOverride"("personId", "agencyId");

-- CreateIndex
CREATE INDEX "ReferralUpdate_referralId_createdAt_idx" ON "ReferralUpdate"("referralId", "createdAt");

-- AddForeignKey
ALTER TABLE "ReferralUpdate" ADD CONSTRAINT "ReferralUpdate_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_consentId_fkey" FOREIGN KEY ("consentId") REFERENCES "Consent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_overrideId_fkey" FOREIGN KEY ("overrideId") REFERENCES "SharingOverride"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A referral rests on exactly one basis, and the database itself checks it, so no code path
-- (or a query run around the application) can send a person's details without one: a live
-- consent of the same person for the same agency, or a supervisor's override for the same
-- person and agency. Checked when a referral is created or its basis, person or agency
-- changes; a withdrawal later does not invalidate the record of what was sent. (A trigger
-- rather than a CHECK constraint for "exactly one": Prisma's schema engine cannot yet read
-- CHECK constraints back through the driver adapter.)
CREATE OR REPLACE FUNCTION referral_requires_basis() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."consentId" IS NULL) = (NEW."overrideId" IS NULL) THEN
    RAISE EXCEPTION 'referral needs exactly one basis: a consent or an override'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Referral_one_basis';
  END IF;
  IF NEW."consentId" IS NOT NULL THEN
    PERFORM 1 FROM "Consent" c
    WHERE c.id = NEW."consentId"
      AND c."personId" = NEW."personId"
      AND c."agencyId" = NEW."agencyId"
      AND c."withdrawnAt" IS NULL
      AND c."givenAt" <= clock_timestamp()
      AND (c."expiresAt" IS NULL OR c."expiresAt" > clock_timestamp())
    FOR SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'referral needs a live consent of the same person for the same agency'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'Referral_live_consent';
    END IF;
  ELSE
    PERFORM 1 FROM "SharingOverride" o
    WHERE o.id = NEW."overrideId"
      AND o."personId" = NEW."personId"
      AND o."agencyId" = NEW."agencyId";
    IF NOT FOUND THEN
      RAISE EXCEPTION 'referral needs an override for the same person and agency'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'Referral_live_consent';
    END IF;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER referral_requires_basis
  BEFORE INSERT OR UPDATE OF "consentId", "overrideId", "personId", "agencyId" ON "Referral"
  FOR EACH ROW EXECUTE FUNCTION referral_requires_basis();
