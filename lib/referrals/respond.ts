// A partner agency's answers to a referral: accept, decline with a reason, close with how it
// ended, add a short update, and confirm erasure after a withdrawal. Each one finds the
// referral by id *and* the partner's agency in the same `where`; another agency's referral
// is not found, nothing changes, and the attempt is audited as DENIED. Each answer is allowed
// only from the states where it makes sense, checked in the update's own `where` so two
// answers at once cannot both win.
import type { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { recordAudit } from "@/lib/audit/record-audit";
import { agencyScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import { fieldErrorsOf } from "@/lib/forms";
import type { ReferralStatus } from "@/lib/generated/prisma/enums";
import { formValues } from "@/lib/consent/schema";
import {
  CLOSE_FIELDS,
  DECLINE_FIELDS,
  UPDATE_FIELDS,
  closeSchema,
  declineSchema,
  updateSchema,
} from "./schema";

export type RespondResult =
  | { status: "done" }
  | {
      status: "invalid";
      values: Partial<Record<string, string>>;
      fieldErrors: Partial<Record<string, string>>;
      formError?: string;
    }
  | { status: "not-found" };

const conflict = (values: Partial<Record<string, string>> = {}): RespondResult => ({
  status: "invalid",
  values,
  fieldErrors: {},
  formError: "referrals.errors.stateChanged",
});

type Found = { id: string; status: ReferralStatus };

// Finds the agency's referral and runs `change` in one transaction; everything else is
// "not found" and audited as a denial.
async function withAgencyReferral(
  user: CurrentUser,
  referralId: string,
  action: string,
  change: (tx: Tx, referral: Found, agencyId: string) => Promise<RespondResult>,
): Promise<RespondResult> {
  const agencyId = agencyScope(user, "referral:respond:agency");
  return withRowScope(rowScopeOf(user), async (tx) => {
    const referral =
      agencyId && isUuid(referralId)
        ? await tx.referral.findFirst({
            where: { id: referralId, agencyId },
            select: { id: true, status: true },
          })
        : null;
    if (!referral || !agencyId) {
      await recordAudit(tx, {
        actor: user,
        action,
        recordType: "referral",
        recordId: isUuid(referralId) ? referralId : undefined,
        outcome: "DENIED",
      });
      return { status: "not-found" };
    }
    const result = await change(tx, referral, agencyId);
    if (result.status === "done")
      await recordAudit(tx, {
        actor: user,
        action,
        recordType: "referral",
        recordId: referral.id,
        outcome: "SUCCESS",
      });
    return result;
  });
}

function invalid<F extends string>(
  raw: Record<string, unknown>,
  fields: readonly F[],
  error: z.ZodError,
): RespondResult {
  return {
    status: "invalid",
    values: formValues(raw, fields),
    fieldErrors: fieldErrorsOf(error, { prefix: "referrals.errors", fields, fallbackField: fields[0]! }),
  };
}

export async function acceptReferral(
  user: CurrentUser,
  referralId: string,
  now = new Date(),
): Promise<RespondResult> {
  return withAgencyReferral(user, referralId, "referral.accept", async (tx, referral, agencyId) => {
    const changed = await tx.referral.updateMany({
      where: { id: referral.id, agencyId, status: "SENT" },
      data: { status: "ACCEPTED", respondedAt: now, handledById: user.id },
    });
    return changed.count === 1 ? { status: "done" } : conflict();
  });
}

export async function declineReferral(
  user: CurrentUser,
  referralId: string,
  raw: Record<string, unknown>,
  now = new Date(),
): Promise<RespondResult> {
  return withAgencyReferral(user, referralId, "referral.decline", async (tx, referral, agencyId) => {
    const parsed = declineSchema.safeParse(raw);
    if (!parsed.success) return invalid(raw, DECLINE_FIELDS, parsed.error);
    const changed = await tx.referral.updateMany({
      where: { id: referral.id, agencyId, status: "SENT" },
      data: {
        status: "DECLINED",
        declineReason: parsed.data.declineReason,
        respondedAt: now,
        handledById: user.id,
      },
    });
    return changed.count === 1 ? { status: "done" } : conflict(formValues(raw, DECLINE_FIELDS));
  });
}

// Closing follows acceptance: an agency that could not reach the person accepted it first.
export async function closeReferral(
  user: CurrentUser,
  referralId: string,
  raw: Record<string, unknown>,
): Promise<RespondResult> {
  return withAgencyReferral(user, referralId, "referral.close", async (tx, referral, agencyId) => {
    const parsed = closeSchema.safeParse(raw);
    if (!parsed.success) return invalid(raw, CLOSE_FIELDS, parsed.error);
    const changed = await tx.referral.updateMany({
      where: { id: referral.id, agencyId, status: "ACCEPTED" },
      data: { status: "CLOSED", closeReason: parsed.data.closeReason, closeNote: parsed.data.closeNote },
    });
    return changed.count === 1 ? { status: "done" } : conflict(formValues(raw, CLOSE_FIELDS));
  });
}

// Updates go on while the agency holds the referral; after a withdrawal they must not add
// anything about the person.
export async function addAgencyUpdate(
  user: CurrentUser,
  referralId: string,
  raw: Record<string, unknown>,
): Promise<RespondResult> {
  return withAgencyReferral(user, referralId, "referral.update", async (tx, referral) => {
    const parsed = updateSchema.safeParse(raw);
    if (!parsed.success) return invalid(raw, UPDATE_FIELDS, parsed.error);
    if (referral.status !== "SENT" && referral.status !== "ACCEPTED" && referral.status !== "CLOSED")
      return conflict(formValues(raw, UPDATE_FIELDS));
    await tx.referralUpdate.create({
      data: { referralId: referral.id, side: "AGENCY", authorId: user.id, text: parsed.data.text },
    });
    return { status: "done" };
  });
}

export async function acknowledgeErasure(
  user: CurrentUser,
  referralId: string,
  now = new Date(),
): Promise<RespondResult> {
  return withAgencyReferral(
    user,
    referralId,
    "referral.acknowledgeErasure",
    async (tx, referral, agencyId) => {
      const changed = await tx.referral.updateMany({
        where: { id: referral.id, agencyId, status: "WITHDRAWN", erasureAcknowledgedAt: null },
        data: { erasureAcknowledgedAt: now, erasureAcknowledgedById: user.id },
      });
      return changed.count === 1 ? { status: "done" } : conflict();
    },
  );
}
