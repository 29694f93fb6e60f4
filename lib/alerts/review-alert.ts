// An alert's way to partners: the officer submits it, a supervisor other than its author
// approves it (with the day it expires) or returns it with a reason, and anyone drafting in
// the unit may withdraw it with a reason. Each step finds the alert by id *and* the user's
// unit, and changes it only from the states the step allows, checked in the update's own
// `where` so two people acting at once cannot both win. Another unit's alert is "not
// found", nothing changes, and the attempt is audited as DENIED.
import type { Tx } from "@/lib/db/client";
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Permission } from "@/lib/authz/permissions";
import { isUuid } from "@/lib/ids";
import type { AlertStatus } from "@/lib/generated/prisma/enums";
import { londonToday, londonToUtc } from "@/lib/time/london";
import { APPROVE_FIELDS, REASON_FIELDS, formValuesOf, parseApproval, parseReason } from "./schema";
import type { AlertResult } from "./draft-alert";

type Found = { id: string; status: AlertStatus; createdById: string | null };

const E = "alerts.errors";

const stateChanged = (values: Partial<Record<string, string>> = {}): AlertResult => ({
  status: "invalid",
  values,
  fieldErrors: {},
  formError: `${E}.stateChanged`,
});

async function withUnitAlert(
  user: CurrentUser,
  alertId: string,
  permission: Permission,
  action: string,
  change: (tx: Tx, alert: Found, unitId: string) => Promise<AlertResult>,
): Promise<AlertResult> {
  const unitId = unitScope(user, permission);
  return withRowScope(rowScopeOf(user), async (tx) => {
    const alert =
      unitId && isUuid(alertId)
        ? await tx.safetyAlert.findFirst({
            where: { id: alertId, unitId },
            select: { id: true, status: true, createdById: true },
          })
        : null;
    const audit = (outcome: "SUCCESS" | "DENIED") =>
      recordAudit(tx, {
        actor: user,
        action,
        recordType: "alert",
        recordId: isUuid(alertId) ? alertId : undefined,
        outcome,
      });
    if (!alert || !unitId) {
      await audit("DENIED");
      return { status: "not-found" };
    }
    const result = await change(tx, alert, unitId);
    if (result.status === "done") await audit("SUCCESS");
    return result;
  });
}

export async function submitAlert(user: CurrentUser, alertId: string): Promise<AlertResult> {
  return withUnitAlert(user, alertId, "alert:draft:unit", "alert.submit", async (tx, alert, unitId) => {
    const changed = await tx.safetyAlert.updateMany({
      where: { id: alert.id, unitId, status: { in: ["DRAFT", "RETURNED"] } },
      data: { status: "AWAITING_APPROVAL" },
    });
    return changed.count === 1 ? { status: "done", alertId: alert.id } : stateChanged();
  });
}

// Nobody approves their own alert: a second pair of eyes is the point of approval.
export async function approveAlert(
  user: CurrentUser,
  alertId: string,
  raw: Record<string, unknown>,
  now: Date = new Date(),
): Promise<AlertResult> {
  return withUnitAlert(user, alertId, "alert:approve:unit", "alert.approve", async (tx, alert, unitId) => {
    const values = formValuesOf(raw, APPROVE_FIELDS);
    if (alert.createdById === user.id) {
      await recordAudit(tx, {
        actor: user,
        action: "alert.approve",
        recordType: "alert",
        recordId: alert.id,
        outcome: "DENIED",
      });
      return { status: "invalid", values, fieldErrors: {}, formError: `${E}.ownAlert` };
    }
    const parsed = parseApproval(raw, londonToday(now));
    if (!parsed.ok)
      return { status: "invalid", values, fieldErrors: parsed.fieldErrors, formError: parsed.formError };
    const day = parsed.input.expiresOn;
    // Shown up to the end of the day before: it stops at the start of the expiry day, London time.
    const expiresAt = londonToUtc({
      year: day.getUTCFullYear(),
      month: day.getUTCMonth() + 1,
      day: day.getUTCDate(),
      hour: 0,
      minute: 0,
    });
    const changed = await tx.safetyAlert.updateMany({
      where: {
        id: alert.id,
        unitId,
        status: "AWAITING_APPROVAL",
        OR: [{ createdById: null }, { createdById: { not: user.id } }],
      },
      data: { status: "ACTIVE", approvedById: user.id, approvedAt: now, expiresAt, returnedReason: null },
    });
    return changed.count === 1 ? { status: "done", alertId: alert.id } : stateChanged(values);
  });
}

export async function returnAlert(
  user: CurrentUser,
  alertId: string,
  raw: Record<string, unknown>,
): Promise<AlertResult> {
  return withUnitAlert(user, alertId, "alert:approve:unit", "alert.return", async (tx, alert, unitId) => {
    const values = formValuesOf(raw, REASON_FIELDS);
    const parsed = parseReason(raw);
    if (!parsed.ok)
      return { status: "invalid", values, fieldErrors: parsed.fieldErrors, formError: parsed.formError };
    const changed = await tx.safetyAlert.updateMany({
      where: { id: alert.id, unitId, status: "AWAITING_APPROVAL" },
      data: { status: "RETURNED", returnedReason: parsed.input.reason },
    });
    return changed.count === 1 ? { status: "done", alertId: alert.id } : stateChanged(values);
  });
}

export async function withdrawAlert(
  user: CurrentUser,
  alertId: string,
  raw: Record<string, unknown>,
  now: Date = new Date(),
): Promise<AlertResult> {
  return withUnitAlert(user, alertId, "alert:draft:unit", "alert.withdraw", async (tx, alert, unitId) => {
    const values = formValuesOf(raw, REASON_FIELDS);
    const parsed = parseReason(raw);
    if (!parsed.ok)
      return { status: "invalid", values, fieldErrors: parsed.fieldErrors, formError: parsed.formError };
    const changed = await tx.safetyAlert.updateMany({
      where: { id: alert.id, unitId, status: { not: "WITHDRAWN" } },
      data: { status: "WITHDRAWN", withdrawnAt: now, withdrawnReason: parsed.input.reason },
    });
    return changed.count === 1 ? { status: "done", alertId: alert.id } : stateChanged(values);
  });
}
