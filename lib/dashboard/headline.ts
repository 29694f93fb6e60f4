// The headline figures: of the reports received, how many led to a charge and to a
// conviction. Counted in PostgreSQL; see lib/dashboard/rates.ts for the definitions.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { unitScope } from "@/lib/authz/scope";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { headlineFrom, type Headline } from "./rates";

export async function getHeadlineForUnit(user: CurrentUser): Promise<Headline | null> {
  const unitId = unitScope(user, "dashboard:read:unit");
  if (!unitId) return null;
  return db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ received: bigint; charged: bigint; convicted: bigint }[]>(Prisma.sql`
      SELECT count(*) AS received,
             count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM "CaseEvent" e WHERE e."reportId" = r.id
                 AND (e.type = 'CHARGED' OR e.outcome IN ('OUTCOME_1', 'OUTCOME_1A')))) AS charged,
             count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM "CaseEvent" e WHERE e."reportId" = r.id
                 AND e.type = 'COURT_RESULT' AND e."courtResult" IN ('CONVICTED', 'CONVICTED_ALTERNATIVE'))) AS convicted
      FROM "IncidentReport" r
      WHERE r."unitId" = ${unitId}::uuid`);
    await recordAudit(tx, { actor: user, action: "dashboard.view", recordType: "unit", recordId: unitId, outcome: "SUCCESS" });
    return headlineFrom({
      received: Number(row?.received ?? 0),
      charged: Number(row?.charged ?? 0),
      convicted: Number(row?.convicted ?? 0),
    });
  });
}
