-- CreateEnum
CREATE TYPE "RestrictionChange" AS ENUM ('RESTRICTED_AUTOMATICALLY', 'RESTRICTED', 'LIFTED');

-- AlterTable
ALTER TABLE "IncidentReport" ADD COLUMN     "restricted" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ReportRestriction" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "change" "RestrictionChange" NOT NULL,
    "reason" TEXT,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportRestriction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RestrictedCaseOverride" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewedById" UUID,

    CONSTRAINT "RestrictedCaseOverride_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportRestriction_reportId_decidedAt_idx" ON "ReportRestriction"("reportId", "decidedAt");

-- CreateIndex
CREATE INDEX "RestrictedCaseOverride_reportId_userId_sessionId_idx" ON "RestrictedCaseOverride"("reportId", "userId", "sessionId");

-- CreateIndex
CREATE INDEX "RestrictedCaseOverride_unitId_reviewedAt_idx" ON "RestrictedCaseOverride"("unitId", "reviewedAt");

-- AddForeignKey
ALTER TABLE "ReportRestriction" ADD CONSTRAINT "ReportRestriction_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "IncidentReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportRestriction" ADD CONSTRAINT "ReportRestriction_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RestrictedCaseOverride" ADD CONSTRAINT "RestrictedCaseOverride_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "IncidentReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RestrictedCaseOverride" ADD CONSTRAINT "RestrictedCaseOverride_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RestrictedCaseOverride" ADD CONSTRAINT "RestrictedCaseOverride_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
