// An officer's short update to the agency on a referral of their unit (the agency's own
// updates are in respond.ts). Whatever the officer writes is shared with the agency, so it
// is allowed only while the referral is open (new or accepted) and still rests on a live
// consent or a supervisor's override: after a withdrawal, an expiry, a decline or a close,
// nothing more goes out. The check and the write are one `updateMany` on the referral row,
// so a withdrawal recorded at the same moment cannot slip in between.
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import { fieldErrorsOf } from "@/lib/forms";
import { liveConsentWhere } from "@/lib/consent/state";
import { formValues } from "@/lib/consent/schema";
import { UPDATE_FIELDS, updateSchema } from "./schema";

export type UnitUpdateResult =
  | { status: "done" }
  | {
      status: "invalid";
      values: Partial<Record<(typeof UPDATE_FIELDS)[number], string>>;
      fieldErrors: Partial<Record<(typeof UPDATE_FIELDS)[number], string>>;
      formError?: string;
    }
  | { status: "not-found" };

const ACTION = "referral.unitUpdate";

export async function addUnitUpdate(
  user: CurrentUser,
  referralId: string,
  raw: Record<string, unknown>,
  now: Date = new Date(),
): Promise<UnitUpdateResult> {
  const unitId = unitScope(user, "referral:create:unit");
  return withRowScope(rowScopeOf(user), async (tx) => {
    const found =
      unitId && isUuid(referralId)
        ? await tx.referral.findFirst({ where: { id: referralId, unitId }, select: { id: true } })
        : null;
    if (!found || !unitId) {
      await recordAudit(tx, {
        actor: user,
        action: ACTION,
        recordType: "referral",
        recordId: isUuid(referralId) ? referralId : undefined,
        outcome: "DENIED",
      });
      return { status: "not-found" as const };
    }
    const values = formValues(raw, UPDATE_FIELDS);
    const parsed = updateSchema.safeParse(raw);
    if (!parsed.success)
      return {
        status: "invalid" as const,
        values,
        fieldErrors: fieldErrorsOf(parsed.error, {
          prefix: "referrals.errors",
          fields: UPDATE_FIELDS,
          fallbackField: "text",
        }),
      };
    const open = await tx.referral.updateMany({
      where: {
        id: found.id,
        unitId,
        status: { in: ["SENT", "ACCEPTED"] },
        OR: [{ overrideId: { not: null } }, { consent: liveConsentWhere(now) }],
      },
      data: { updatedAt: now },
    });
    if (open.count !== 1)
      return {
        status: "invalid" as const,
        values,
        fieldErrors: {},
        formError: "referralUpdates.errors.closed",
      };
    await tx.referralUpdate.create({
      data: { referralId: found.id, side: "UNIT", authorId: user.id, text: parsed.data.text, createdAt: now },
    });
    await recordAudit(tx, {
      actor: user,
      action: ACTION,
      recordType: "referral",
      recordId: found.id,
      outcome: "SUCCESS",
    });
    return { status: "done" as const };
  });
}
