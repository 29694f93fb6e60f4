// What the erase confirmation shows: the person's working name and how many reports,
// contacts and referrals would be blanked. The supervisor's own unit only; an erased person
// is not offered again. Viewing it is audited (the person's id, no content).
import { recordAudit } from "@/lib/audit/record-audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { roleHas } from "@/lib/authz/permissions";
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { ERASED_NAME } from "./erase";

export type ErasePreview = {
  id: string;
  workingName: string;
  reports: number;
  contacts: number;
  referrals: number;
};

export async function erasePreview(user: CurrentUser, personId: string): Promise<ErasePreview | null> {
  if (!roleHas(user.role, "retention:review:unit") || !user.unitId) return null;
  const unitId = user.unitId;
  // One transaction in the supervisor's row scope (referrals, a partner-facing table, are
  // counted within it too), with the audit event beside the read it records.
  return withRowScope(rowScopeOf(user), async (tx) => {
    const person = await tx.person.findFirst({
      where: { id: personId, unitId, NOT: { workingName: ERASED_NAME } },
      select: {
        id: true,
        workingName: true,
        _count: { select: { reports: true, contacts: true, referrals: true } },
      },
    });
    if (!person) return null;
    await recordAudit(tx, {
      actor: user,
      action: "retention.erase.preview",
      recordType: "Person",
      recordId: person.id,
      outcome: "SUCCESS",
    });
    return { id: person.id, workingName: person.workingName, ...person._count };
  });
}
