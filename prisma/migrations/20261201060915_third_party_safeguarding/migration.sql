-- AlterTable
ALTER TABLE "ThirdPartySubmission" ADD COLUMN     "safeguardingConcerns" "SafeguardingConcern"[] DEFAULT ARRAY[]::"SafeguardingConcern"[];
