-- CreateEnum
CREATE TYPE "CloseReason" AS ENUM ('FINAL_OUTCOME', 'INTELLIGENCE_ONLY', 'PERSON_WANTS_NOTHING_FURTHER', 'DUPLICATE_REPORT', 'TRANSFERRED_TO_ANOTHER_FORCE', 'OTHER');

-- CreateEnum
CREATE TYPE "RiskLevel" AS ENUM ('STANDARD', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "RiskFactor" AS ENUM ('CURRENT_THREAT', 'PERPETRATOR_KNOWN_WITH_ACCESS', 'REPEAT_VICTIMISATION', 'COERCION_OR_CONTROL', 'DRUG_OR_ALCOHOL_DEPENDENCY', 'HOUSING', 'ISOLATION');

-- CreateEnum
CREATE TYPE "SafeguardingConcern" AS ENUM ('CHILD_AT_RISK', 'ADULT_AT_RISK', 'MODERN_SLAVERY');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CaseEventType" ADD VALUE 'REPORT_CLOSED';
ALTER TYPE "CaseEventType" ADD VALUE 'REPORT_REOPENED';
ALTER TYPE "CaseEventType" ADD VALUE 'ENHANCED_RIGHTS_CHANGED';

-- AlterTable
ALTER TABLE "CaseEvent" ADD COLUMN     "closeReason" "CloseReason",
ADD COLUMN     "diversionaryActivity" TEXT,
ADD COLUMN     "enhancedRights" BOOLEAN;

-- AlterTable
ALTER TABLE "DashboardReportFact" ALTER COLUMN "reportingRoute" DROP NOT NULL;

-- AlterTable
ALTER TABLE "IncidentReport" ADD COLUMN     "enhancedRightsByOfficer" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "riskLevel" "RiskLevel",
ADD COLUMN     "riskReviewOn" DATE,
ALTER COLUMN "reportingRoute" DROP NOT NULL;

-- CreateTable
CREATE TABLE "RiskAssessment" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "factors" "RiskFactor"[],
    "level" "RiskLevel" NOT NULL,
    "rationale" TEXT NOT NULL,
    "safetyPlan" TEXT,
    "reviewOn" DATE NOT NULL,
    "assessedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SafeguardingRecord" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "concern" "SafeguardingConcern" NOT NULL,
    "referralMade" BOOLEAN NOT NULL,
    "referredTo" TEXT,
    "notMadeReason" TEXT,
    "recordedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SafeguardingRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RiskAssessment_reportId_createdAt_idx" ON "RiskAssessment"("reportId", "createdAt");

-- CreateIndex
CREATE INDEX "SafeguardingRecord_reportId_idx" ON "SafeguardingRecord"("reportId");

-- CreateIndex
CREATE INDEX "SafeguardingRecord_unitId_concern_idx" ON "SafeguardingRecord"("unitId", "concern");

-- AddForeignKey
ALTER TABLE "RiskAssessment" ADD CONSTRAINT "RiskAssessment_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "IncidentReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAssessment" ADD CONSTRAINT "RiskAssessment_assessedById_fkey" FOREIGN KEY ("assessedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafeguardingRecord" ADD CONSTRAINT "SafeguardingRecord_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "IncidentReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafeguardingRecord" ADD CONSTRAINT "SafeguardingRecord_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- An unanswered reporting route is summarised under the empty value ("not recorded").
CREATE OR REPLACE FUNCTION dashboard_fact_cells(f "DashboardReportFact")
RETURNS TABLE (
  "officerKey" text, dimension text, value text,
  reports int, recorded int, identified int, supported int, cps int, charged int, convicted int,
  open int, "suspectsCharged" int, "startedQuiet" int, converted int, repeat int,
  "updatesOnTime" int, "updatesLate" int
)
LANGUAGE sql STABLE AS $$
  SELECT
    k.key, c.dimension, c.value,
    1, (f.stage >= 1)::int, (f.stage >= 2)::int, (f.stage >= 3)::int, (f.stage >= 4)::int,
    (f.stage >= 5)::int, (f.stage >= 6)::int,
    f."isOpen"::int, f."suspectsCharged"::int, f."startedQuiet"::int, f.converted::int,
    f."isRepeat"::int, f."updatesOnTime"::int, f."updatesLate"::int
  FROM (SELECT ''::text AS key UNION ALL SELECT f."officerId"::text WHERE f."officerId" IS NOT NULL) k
  CROSS JOIN LATERAL (
    SELECT 'all'::text AS dimension, ''::text AS value
    UNION ALL SELECT 'route', coalesce(f."reportingRoute"::text, '')
    UNION ALL SELECT 'wants', f."personWants"::text
    UNION ALL SELECT 'setting', coalesce(f."workSetting"::text, '')
    UNION ALL SELECT 'relationship', f."relationship"::text
    UNION ALL SELECT 'area', coalesce(f."area", '')
    UNION ALL SELECT 'officer', coalesce(f."officerId"::text, '') WHERE k.key = ''
    UNION ALL SELECT 'type', t
      FROM unnest(CASE WHEN cardinality(f."incidentTypes") > 0 THEN f."incidentTypes"::text[] ELSE ARRAY[''] END) t
    UNION ALL SELECT 'outcome', coalesce(f.outcome::text, CASE WHEN f."isOpen" THEN 'PENDING' ELSE 'NONE' END)
    UNION ALL SELECT 'reason', w
      FROM unnest(CASE WHEN f.outcome IN ('OUTCOME_14', 'OUTCOME_16') THEN
        CASE WHEN cardinality(f."withdrawalReasons") > 0 THEN f."withdrawalReasons"::text[] ELSE ARRAY['NOT_RECORDED'] END
      END) w
    UNION ALL SELECT 'openStage', f.stage::text WHERE f."isOpen"
    UNION ALL SELECT 'daysToCharge', f."daysToCharge"::text WHERE f."daysToCharge" IS NOT NULL
    UNION ALL SELECT 'daysToOutcome', f."daysToOutcome"::text WHERE f."daysToOutcome" IS NOT NULL
    UNION ALL SELECT 'updateDue', to_char(d, 'YYYY-MM-DD') FROM unnest(f."openUpdatesDue") d
  ) c
$$;
