-- AlterTable
ALTER TABLE "CaseEvent" ADD COLUMN     "dateExplanation" TEXT;
