// Editing a report's details. Each save names the version it was read at; if another
// officer saved in between, nothing is written and the caller gets both versions back, so
// the second officer can compare and reapply their text instead of losing it.
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import { IncidentType, PerpetratorRelationship, PersonWants } from "@/lib/generated/prisma/enums";
import { londonToday } from "@/lib/time/london";
import { hasControlCharacters } from "@/lib/text";
import { fieldErrorsOf, plainFormInput } from "@/lib/forms";
import { applyDerivedEnhancedRights } from "@/lib/victims-code/reschedule-updates";
import { openableReportWhere } from "@/lib/reports/restriction";

const E = "reportEdit.errors";

export const REPORT_EDIT_LIMITS = { narrative: 20_000, area: 200 } as const;

export const reportEditSchema = z.strictObject({
  version: z.coerce
    .number({ error: `${E}.version` })
    .int({ error: `${E}.version` })
    .min(1, { error: `${E}.version` }),
  narrative: z
    .string({ error: `${E}.invalid` })
    .max(REPORT_EDIT_LIMITS.narrative, { error: `${E}.narrativeTooLong` })
    .refine((t) => !hasControlCharacters(t), { error: `${E}.controlCharacters` }),
  area: z
    .string({ error: `${E}.invalid` })
    .max(REPORT_EDIT_LIMITS.area, { error: `${E}.areaTooLong` })
    .refine((t) => !hasControlCharacters(t), { error: `${E}.controlCharacters` }),
  incidentTypes: z
    .array(z.enum(IncidentType, { error: `${E}.incidentTypes` }))
    .max(Object.keys(IncidentType).length),
  personWants: z.enum(PersonWants, { error: `${E}.personWants` }),
  // Who the suspect is to the person. Police or an official restricts the case (in the
  // database: migration restricted_cases_auto). Optional, so older forms still save.
  relationship: z.enum(PerpetratorRelationship, { error: `${E}.relationship` }).optional(),
});

export type ReportEditField = keyof z.infer<typeof reportEditSchema>;

const EDIT_ERRORS = {
  prefix: E,
  fields: Object.keys(reportEditSchema.shape),
  fallbackField: "narrative" as ReportEditField,
};

export type EditableReport = {
  reference: string;
  version: number;
  narrative: string | null;
  area: string | null;
  incidentTypes: IncidentType[];
  personWants: PersonWants;
  relationship: PerpetratorRelationship;
  updatedAt: Date;
};

export type UpdateReportResult =
  | { status: "saved"; version: number }
  | { status: "invalid"; fieldErrors: Partial<Record<ReportEditField, string>> }
  | { status: "conflict"; current: EditableReport };

const editableSelect = {
  reference: true,
  version: true,
  narrative: true,
  area: true,
  incidentTypes: true,
  personWants: true,
  relationship: true,
  updatedAt: true,
} as const;

// The details as saved now, for the edit form; null when the user may not edit the report.
// The edit form shows the narrative, so opening it is a read of personal data: audited in
// the same transaction as the read, refusals included.
export async function getEditableReport(user: CurrentUser, id: string): Promise<EditableReport | null> {
  const unitId = unitScope(user, "report:update:unit");
  return withRowScope(rowScopeOf(user), async (tx) => {
    const report =
      unitId && isUuid(id)
        ? await tx.incidentReport.findFirst({
            where: { id, unitId, ...openableReportWhere(user) },
            select: editableSelect,
          })
        : null;
    await recordAudit(tx, {
      actor: user,
      action: "report.view-for-edit",
      recordType: "report",
      recordId: isUuid(id) ? id : undefined,
      outcome: report ? "SUCCESS" : "DENIED",
    });
    return report;
  });
}

const emptyToNull = (value: string): string | null => (value.trim() === "" ? null : value);

// Returns null when the report does not exist or the user may not edit it.
export async function updateReport(
  user: CurrentUser,
  id: string,
  raw: unknown,
  now: Date = new Date(),
): Promise<UpdateReportResult | null> {
  const unitId = unitScope(user, "report:update:unit");
  if (!unitId || !isUuid(id)) return null;
  return withRowScope(rowScopeOf(user), async (tx) => {
    const before = await tx.incidentReport.findFirst({
      where: { id, unitId, ...openableReportWhere(user) },
      select: editableSelect,
    });
    if (!before) {
      await recordAudit(tx, {
        actor: user,
        action: "report.update",
        recordType: "report",
        recordId: id,
        outcome: "DENIED",
      });
      return null;
    }
    const parsed = reportEditSchema.safeParse(plainFormInput(raw));
    if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error, EDIT_ERRORS) };
    const input = parsed.data;
    const changed =
      before.version === input.version
        ? await tx.incidentReport.updateMany({
            where: { id, unitId, version: input.version, ...openableReportWhere(user) },
            data: {
              // Stored exactly as typed; only a blank answer becomes "not given".
              narrative: emptyToNull(input.narrative),
              area: emptyToNull(input.area),
              incidentTypes: [...new Set(input.incidentTypes)],
              personWants: input.personWants,
              ...(input.relationship ? { relationship: input.relationship } : {}),
              version: { increment: 1 },
            },
          })
        : { count: 0 };
    if (changed.count === 0) return conflict(tx, user, id, unitId);
    // Until an officer decides, enhanced rights follow the offence; open updates' due dates follow them.
    await applyDerivedEnhancedRights(tx, {
      reportId: id,
      unitId,
      previousTypes: before.incidentTypes,
      incidentTypes: input.incidentTypes,
    });
    if (input.personWants !== before.personWants) {
      await tx.caseEvent.create({
        data: {
          reportId: id,
          type: "PERSON_WANTS_CHANGED",
          occurredOn: londonToday(now),
          personWants: input.personWants,
          recordedById: user.id,
        },
      });
    }
    await recordAudit(tx, {
      actor: user,
      action: "report.update",
      recordType: "report",
      recordId: id,
      outcome: "SUCCESS",
    });
    return { status: "saved", version: input.version + 1 };
  });
}

async function conflict(tx: Tx, user: CurrentUser, id: string, unitId: string): Promise<UpdateReportResult> {
  // Read again: the version that beat this save is the one to show.
  const current = await tx.incidentReport.findFirstOrThrow({
    where: { id, unitId, ...openableReportWhere(user) },
    select: editableSelect,
  });
  await recordAudit(tx, {
    actor: user,
    action: "report.update",
    recordType: "report",
    recordId: id,
    outcome: "FAILURE",
  });
  return { status: "conflict", current };
}
