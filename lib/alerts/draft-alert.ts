// Drafting and editing a safety alert. The source reports must be the unit's own, the
// recipients agencies the unit works with (UnitAgencyLink), and the free text must carry
// nothing that identifies the person harmed in any source report: the person's names,
// phone, email, exact place or words from the narrative are refused with a clear error.
// What each part was built from is worked out here from the reports, never read from the
// form. Identifiers are saved normalised so new reports' suspects can be matched.
import { db, type Tx } from "@/lib/db/client";
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import { londonToday } from "@/lib/time/london";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  ALERT_FIELDS,
  ALERT_TEXT_FIELDS,
  formValuesOf,
  parseAlertDraft,
  type AlertDraftInput,
  type AlertField,
} from "./schema";
import { findVictimClues } from "./victim-text";
import { identifiersOf, prefillAlert } from "./prefill";
import { PREFILL_REPORT_SELECT } from "./sources";
import { openableReportWhere } from "@/lib/reports/restriction";

export type AlertResult =
  | { status: "done"; alertId: string }
  | {
      status: "invalid";
      values: Partial<Record<string, string>>;
      fieldErrors: Partial<Record<string, string>>;
      formError?: string;
    }
  | { status: "not-found" };

const E = "alerts.errors";
const EDITABLE = ["DRAFT", "RETURNED"] as const;

// The alert's own columns as the officer wrote them, with what they were built from.
type AlertColumns = Omit<AlertDraftInput, "agencyIds" | "reportIds"> & {
  sourceReportIds: string[];
  sourceFields: Prisma.InputJsonValue;
};

type Checked =
  { ok: true; fields: AlertColumns; input: AlertDraftInput } | { ok: false; result: AlertResult };

async function checkDraft(
  tx: Tx,
  user: CurrentUser,
  unitId: string,
  raw: Record<string, unknown>,
  now: Date,
): Promise<Checked> {
  const invalid = (fieldErrors: Partial<Record<AlertField, string>>, formError?: string): Checked => ({
    ok: false,
    result: { status: "invalid", values: formValuesOf(raw, ALERT_FIELDS), fieldErrors, formError },
  });
  const parsed = parseAlertDraft(raw, londonToday(now));
  if (!parsed.ok) return invalid(parsed.fieldErrors, parsed.formError);
  const { input } = parsed;
  const reports = await tx.incidentReport.findMany({
    // Only cases the officer may open: a restricted one is "unknown" to anyone else.
    where: { id: { in: input.reportIds }, unitId, ...openableReportWhere(user) },
    select: {
      ...PREFILL_REPORT_SELECT,
      place: true,
      narrative: true,
      person: { select: { workingName: true, legalName: true, phone: true, email: true } },
    },
  });
  const links = await tx.unitAgencyLink.count({ where: { unitId, agencyId: { in: input.agencyIds } } });
  const errors: Partial<Record<AlertField, string>> = {};
  if (reports.length !== input.reportIds.length) errors.reports = `${E}.reportsUnknown`;
  if (links !== input.agencyIds.length) errors.agencies = `${E}.agenciesUnknown`;
  const victims = reports.map((r) => ({ ...r.person, place: r.place, narrative: r.narrative }));
  for (const field of ALERT_TEXT_FIELDS) {
    const clue = findVictimClues(input[field] ?? "", victims)[0];
    if (clue) errors[field] = `${E}.identifies.${clue}`;
  }
  if (Object.keys(errors).length > 0) return invalid(errors, `${E}.identifiesSummary`);
  const { sourceFields } = prefillAlert(reports);
  const { agencyIds: _agencies, reportIds, ...fields } = input;
  return {
    ok: true,
    input,
    // Kept in the order the officer chose them, which is the order the page lists them.
    fields: { ...fields, sourceReportIds: reportIds, sourceFields },
  };
}

function identifierRows(input: AlertDraftInput, unitId: string) {
  return [
    ...identifiersOf("VEHICLE_REGISTRATION", input.vehicles ?? ""),
    ...identifiersOf("PHONE_NUMBER", input.phoneNumbers ?? ""),
    ...identifiersOf("ONLINE_HANDLE", input.onlineHandles ?? ""),
  ].map((i) => ({ ...i, unitId }));
}

async function denied(user: CurrentUser, action: string, alertId?: string): Promise<AlertResult> {
  await recordAudit(db(), {
    actor: user,
    action,
    recordType: "alert",
    recordId: alertId && isUuid(alertId) ? alertId : undefined,
    outcome: "DENIED",
  });
  return { status: "not-found" };
}

export async function createAlert(
  user: CurrentUser,
  raw: Record<string, unknown>,
  now: Date = new Date(),
): Promise<AlertResult> {
  const unitId = unitScope(user, "alert:draft:unit");
  if (!unitId) return denied(user, "alert.create");
  return withRowScope(rowScopeOf(user), async (tx) => {
    const checked = await checkDraft(tx, user, unitId, raw, now);
    if (!checked.ok) return checked.result;
    const alert = await tx.safetyAlert.create({
      data: {
        ...checked.fields,
        unitId,
        createdById: user.id,
        status: "DRAFT",
        recipients: { create: checked.input.agencyIds.map((agencyId) => ({ agencyId })) },
        identifiers: { create: identifierRows(checked.input, unitId) },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: user,
      action: "alert.create",
      recordType: "alert",
      recordId: alert.id,
      outcome: "SUCCESS",
    });
    return { status: "done" as const, alertId: alert.id };
  });
}

// A draft, or one a supervisor returned, may be edited by anyone drafting in the unit.
export async function updateAlert(
  user: CurrentUser,
  alertId: string,
  raw: Record<string, unknown>,
  now: Date = new Date(),
): Promise<AlertResult> {
  const unitId = unitScope(user, "alert:draft:unit");
  if (!unitId || !isUuid(alertId)) return denied(user, "alert.update", alertId);
  return withRowScope(rowScopeOf(user), async (tx) => {
    const found = await tx.safetyAlert.findFirst({
      where: { id: alertId, unitId },
      select: { status: true },
    });
    if (!found) {
      await recordAudit(tx, {
        actor: user,
        action: "alert.update",
        recordType: "alert",
        recordId: alertId,
        outcome: "DENIED",
      });
      return { status: "not-found" as const };
    }
    if (!(EDITABLE as readonly string[]).includes(found.status))
      return {
        status: "invalid" as const,
        values: formValuesOf(raw, ALERT_FIELDS),
        fieldErrors: {},
        formError: `${E}.stateChanged`,
      };
    const checked = await checkDraft(tx, user, unitId, raw, now);
    if (!checked.ok) return checked.result;
    // Recipients and identifiers follow the edited text: replaced, not merged.
    await tx.safetyAlertRecipient.deleteMany({ where: { alertId } });
    await tx.safetyAlertIdentifier.deleteMany({ where: { alertId, unitId } });
    const changed = await tx.safetyAlert.updateMany({
      where: { id: alertId, unitId, status: { in: [...EDITABLE] } },
      data: checked.fields,
    });
    if (changed.count !== 1) throw new Error("alert changed state during the edit");
    await tx.safetyAlertRecipient.createMany({
      data: checked.input.agencyIds.map((agencyId) => ({ alertId, agencyId })),
    });
    await tx.safetyAlertIdentifier.createMany({
      data: identifierRows(checked.input, unitId).map((i) => ({ ...i, alertId })),
    });
    await recordAudit(tx, {
      actor: user,
      action: "alert.update",
      recordType: "alert",
      recordId: alertId,
      outcome: "SUCCESS",
    });
    return { status: "done" as const, alertId };
  });
}
