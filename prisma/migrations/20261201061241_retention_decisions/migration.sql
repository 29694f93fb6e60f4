-- CreateEnum
CREATE TYPE "RetentionOutcome" AS ENUM ('RETAIN', 'ERASE');

-- CreateTable
CREATE TABLE "RetentionDecision" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "recordType" TEXT NOT NULL,
    "recordId" UUID NOT NULL,
    "outcome" "RetentionOutcome" NOT NULL,
    "reason" TEXT,
    "reviewOn" DATE,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RetentionDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RetentionDecision_recordType_recordId_decidedAt_idx" ON "RetentionDecision"("recordType", "recordId", "decidedAt" DESC);

-- CreateIndex
CREATE INDEX "RetentionDecision_unitId_decidedAt_idx" ON "RetentionDecision"("unitId", "decidedAt");
