-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "recordIds" TEXT[];
