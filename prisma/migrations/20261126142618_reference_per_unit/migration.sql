-- DropIndex
DROP INDEX "IncidentReport_reference_key";

-- CreateIndex
CREATE INDEX "IncidentReport_reference_idx" ON "IncidentReport"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentReport_unitId_reference_key" ON "IncidentReport"("unitId", "reference");
