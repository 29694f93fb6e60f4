// Reading a person's consents for the unit: which agency, what may be shared, how it was
// given, and whether it stands. Scoped to the unit and audited as a look at the person.
import { rowScopeOf, withRowScope } from "@/lib/db/scope";

import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import type { ConsentField, ConsentMethod } from "@/lib/generated/prisma/enums";
import { consentState, type ConsentState } from "./state";

export type ConsentRow = {
  id: string;
  agencyId: string;
  agencyName: string;
  fields: ConsentField[];
  method: ConsentMethod;
  givenAt: Date;
  expiresAt: Date | null;
  withdrawnAt: Date | null;
  withdrawalMethod: ConsentMethod | null;
  state: ConsentState;
};

// Newest first. `now` decides which are live, so a page and its test agree.
export async function findConsentsForPerson(
  user: CurrentUser,
  personId: string,
  now: Date = new Date(),
): Promise<ConsentRow[]> {
  const unitId = unitScope(user, "referral:read:unit");
  if (!unitId || !isUuid(personId)) return [];
  return withRowScope(rowScopeOf(user), async (tx) => {
    const rows = await tx.consent.findMany({
      where: { personId, person: { unitId } },
      orderBy: [{ givenAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        agencyId: true,
        agency: { select: { name: true } },
        fields: true,
        method: true,
        givenAt: true,
        expiresAt: true,
        withdrawnAt: true,
        withdrawalMethod: true,
      },
    });
    await recordAudit(tx, {
      actor: user,
      action: "consent.list",
      recordType: "person",
      recordId: personId,
      outcome: "SUCCESS",
    });
    return rows.map(({ agency, ...row }) => ({
      ...row,
      agencyName: agency.name,
      state: consentState(row, now),
    }));
  });
}

// One consent of the person, for the withdrawal page. Null when it is not the unit's.
export async function getConsentForUnit(
  user: CurrentUser,
  personId: string,
  consentId: string,
  now: Date = new Date(),
): Promise<ConsentRow | null> {
  const unitId = unitScope(user, "referral:read:unit");
  if (!unitId || !isUuid(personId) || !isUuid(consentId)) return null;
  return withRowScope(rowScopeOf(user), async (tx) => {
    const row = await tx.consent.findFirst({
      where: { id: consentId, personId, person: { unitId } },
      select: {
        id: true,
        agencyId: true,
        agency: { select: { name: true } },
        fields: true,
        method: true,
        givenAt: true,
        expiresAt: true,
        withdrawnAt: true,
        withdrawalMethod: true,
      },
    });
    await recordAudit(tx, {
      actor: user,
      action: "consent.view",
      recordType: "consent",
      recordId: consentId,
      outcome: row ? "SUCCESS" : "DENIED",
    });
    if (!row) return null;
    const { agency, ...rest } = row;
    return { ...rest, agencyName: agency.name, state: consentState(rest, now) };
  });
}
