// An officer's decision on a person's Victims' Code enhanced rights for one report, with a
// reason. From then on the rights no longer follow the offence; the decision is an event on
// the timeline, the due dates of updates still owed move with it, and it is audited — all
// in one transaction, so none of these happens without the others.
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { IncidentType } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/ids";
import { fieldErrorsOf } from "@/lib/forms";
import { hasControlCharacters } from "@/lib/text";
import { londonToday } from "@/lib/time/london";
import { rescheduleOpenUpdates } from "./reschedule-updates";
import { openableReportWhere } from "@/lib/reports/restriction";

const E = "enhancedRights.errors";
export const REASON_MAX = 1000;

export const enhancedRightsSchema = z.strictObject({
  enhancedRights: z.enum(["yes", "no"], { error: `${E}.enhancedRights` }),
  reason: z
    .string({ error: `${E}.reasonMissing` })
    .trim()
    .min(1, { error: `${E}.reasonMissing` })
    .max(REASON_MAX, { error: `${E}.reasonTooLong` })
    .refine((text) => !hasControlCharacters(text), { error: `${E}.reasonInvalid` }),
});

export type EnhancedRightsField = keyof z.infer<typeof enhancedRightsSchema>;
export type EnhancedRightsValues = Record<EnhancedRightsField, string>;

const ERRORS = {
  prefix: E,
  fields: Object.keys(enhancedRightsSchema.shape),
  fallbackField: "enhancedRights" as EnhancedRightsField,
};

export type EnhancedRightsView = {
  reference: string;
  enhancedRights: boolean;
  byOfficer: boolean;
  reason: string | null;
  incidentTypes: IncidentType[];
};

export type ChangeEnhancedRightsResult =
  | { status: "saved"; updatesMoved: number }
  | {
      status: "invalid";
      values: Partial<EnhancedRightsValues>;
      fieldErrors: Partial<Record<EnhancedRightsField, string>>;
    }
  | { status: "not-found" };

// The rights as they stand, for the change form; null when the user may not change them.
export async function getEnhancedRightsForChange(
  user: CurrentUser,
  id: string,
): Promise<EnhancedRightsView | null> {
  const unitId = unitScope(user, "report:update:unit");
  if (!unitId || !isUuid(id)) return null;
  return withRowScope(rowScopeOf(user), async (tx) => {
    const report = await tx.incidentReport.findFirst({
      where: { id, unitId, ...openableReportWhere(user) },
      select: {
        reference: true,
        enhancedRights: true,
        enhancedRightsByOfficer: true,
        enhancedRightsReason: true,
        incidentTypes: true,
      },
    });
    // The reason may say something about the person, so the look is audited.
    await recordAudit(tx, {
      actor: user,
      action: "report.enhanced-rights.view",
      recordType: "report",
      recordId: id,
      outcome: report ? "SUCCESS" : "DENIED",
    });
    if (!report) return null;
    const { enhancedRightsByOfficer, enhancedRightsReason, ...rest } = report;
    return { ...rest, byOfficer: enhancedRightsByOfficer, reason: enhancedRightsReason };
  });
}

// Only text, only the form's own fields, for putting back after a failed save.
function echo(raw: Record<string, unknown>): Partial<EnhancedRightsValues> {
  const values: Partial<EnhancedRightsValues> = {};
  for (const field of ERRORS.fields as EnhancedRightsField[]) {
    const value = raw[field];
    if (typeof value === "string") values[field] = value.slice(0, REASON_MAX * 2);
  }
  return values;
}

export async function changeEnhancedRights(
  user: CurrentUser,
  id: string,
  raw: Record<string, unknown>,
  now: Date = new Date(),
): Promise<ChangeEnhancedRightsResult> {
  const unitId = unitScope(user, "report:update:unit");
  if (!unitId || !isUuid(id)) {
    await recordAudit(db(), {
      actor: user,
      action: "report.enhanced-rights.change",
      recordType: "report",
      recordId: isUuid(id) ? id : undefined,
      outcome: "DENIED",
    });
    return { status: "not-found" };
  }
  return withRowScope(rowScopeOf(user), async (tx) => {
    const report = await tx.incidentReport.findFirst({
      where: { id, unitId, ...openableReportWhere(user) },
      select: { id: true },
    });
    if (!report) {
      await recordAudit(tx, {
        actor: user,
        action: "report.enhanced-rights.change",
        recordType: "report",
        recordId: id,
        outcome: "DENIED",
      });
      return { status: "not-found" as const };
    }
    const parsed = enhancedRightsSchema.safeParse(raw);
    if (!parsed.success)
      return {
        status: "invalid" as const,
        values: echo(raw),
        fieldErrors: fieldErrorsOf(parsed.error, ERRORS),
      };
    const enhancedRights = parsed.data.enhancedRights === "yes";
    await tx.incidentReport.update({
      where: { id, unitId },
      data: { enhancedRights, enhancedRightsReason: parsed.data.reason, enhancedRightsByOfficer: true },
    });
    await tx.caseEvent.create({
      data: {
        reportId: id,
        type: "ENHANCED_RIGHTS_CHANGED",
        occurredOn: londonToday(now),
        enhancedRights,
        notes: parsed.data.reason,
        recordedById: user.id,
      },
    });
    const updatesMoved = await rescheduleOpenUpdates(tx, id, enhancedRights);
    await recordAudit(tx, {
      actor: user,
      action: "report.enhanced-rights.change",
      recordType: "report",
      recordId: id,
      outcome: "SUCCESS",
    });
    return { status: "saved" as const, updatesMoved };
  });
}
