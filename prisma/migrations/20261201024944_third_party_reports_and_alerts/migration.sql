-- CreateEnum
CREATE TYPE "SubmissionWish" AS ENUM ('INTELLIGENCE_ONLY', 'CONTACT_THROUGH_PARTNER', 'FULL_INVESTIGATION');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('RECEIVED', 'BEING_LOOKED_AT', 'REPORT_OPENED', 'CLOSED');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('DRAFT', 'AWAITING_APPROVAL', 'RETURNED', 'ACTIVE', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "UnitAgencyLink" (
    "unitId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitAgencyLink_pkey" PRIMARY KEY ("unitId","agencyId")
);

-- CreateTable
CREATE TABLE "ThirdPartySubmission" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "submittedById" UUID,
    "answers" JSONB NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "wish" "SubmissionWish" NOT NULL,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'RECEIVED',
    "reportId" UUID,
    "notOpenedReason" TEXT,
    "triagedById" UUID,
    "triagedAt" TIMESTAMPTZ(3),
    "idempotencyKey" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ThirdPartySubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SafetyAlert" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "createdById" UUID,
    "status" "AlertStatus" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "vehicles" TEXT,
    "phoneNumbers" TEXT,
    "onlineHandles" TEXT,
    "area" TEXT,
    "whatHappened" TEXT NOT NULL,
    "periodFrom" DATE,
    "periodTo" DATE,
    "sourceReportIds" UUID[],
    "sourceFields" JSONB,
    "returnedReason" TEXT,
    "approvedById" UUID,
    "approvedAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawnReason" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SafetyAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SafetyAlertRecipient" (
    "alertId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,

    CONSTRAINT "SafetyAlertRecipient_pkey" PRIMARY KEY ("alertId","agencyId")
);

-- CreateTable
CREATE TABLE "SafetyAlertIdentifier" (
    "id" UUID NOT NULL,
    "alertId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "kind" "IdentifierKind" NOT NULL,
    "normalised" TEXT NOT NULL,

    CONSTRAINT "SafetyAlertIdentifier_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UnitAgencyLink_agencyId_idx" ON "UnitAgencyLink"("agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "ThirdPartySubmission_reportId_key" ON "ThirdPartySubmission"("reportId");

-- CreateIndex
CREATE UNIQUE INDEX "ThirdPartySubmission_idempotencyKey_key" ON "ThirdPartySubmission"("idempotencyKey");

-- CreateIndex
CREATE INDEX "ThirdPartySubmission_unitId_status_createdAt_idx" ON "ThirdPartySubmission"("unitId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "ThirdPartySubmission_agencyId_createdAt_idx" ON "ThirdPartySubmission"("agencyId", "createdAt");

-- CreateIndex
CREATE INDEX "SafetyAlert_unitId_status_idx" ON "SafetyAlert"("unitId", "status");

-- CreateIndex
CREATE INDEX "SafetyAlertRecipient_agencyId_idx" ON "SafetyAlertRecipient"("agencyId");

-- CreateIndex
CREATE INDEX "SafetyAlertIdentifier_unitId_kind_normalised_idx" ON "SafetyAlertIdentifier"("unitId", "kind", "normalised");

-- CreateIndex
CREATE INDEX "SafetyAlertIdentifier_alertId_idx" ON "SafetyAlertIdentifier"("alertId");

-- AddForeignKey
ALTER TABLE "UnitAgencyLink" ADD CONSTRAINT "UnitAgencyLink_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitAgencyLink" ADD CONSTRAINT "UnitAgencyLink_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThirdPartySubmission" ADD CONSTRAINT "ThirdPartySubmission_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThirdPartySubmission" ADD CONSTRAINT "ThirdPartySubmission_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThirdPartySubmission" ADD CONSTRAINT "ThirdPartySubmission_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "IncidentReport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyAlert" ADD CONSTRAINT "SafetyAlert_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyAlertRecipient" ADD CONSTRAINT "SafetyAlertRecipient_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "SafetyAlert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyAlertRecipient" ADD CONSTRAINT "SafetyAlertRecipient_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SafetyAlertIdentifier" ADD CONSTRAINT "SafetyAlertIdentifier_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "SafetyAlert"("id") ON DELETE CASCADE ON UPDATE CASCADE;
