-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "clientAddress" TEXT,
ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT,
ADD COLUMN     "seq" BIGINT,
ADD COLUMN     "sessionId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_seq_key" ON "AuditEvent"("seq");
