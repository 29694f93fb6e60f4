// Logging a liaison contact with a person. The unit and officer come from the signed-in
// user; the person must be in their unit, and a linked report must be that person's, in
// that unit. A "case update" contact names its report and the open Victims' Code updates it
// answers; it clears exactly those, in the same transaction, so the contact and the cleared
// updates stand or fall together. The form's token (lib/forms/form-token.ts) makes a resent
// submit answer with the contact the first one saved, so a retry never logs it twice.
import { db, type Tx } from "@/lib/db/client";
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { takeFormToken } from "@/lib/forms/form-token";
import { isUniqueViolation } from "@/lib/organisations/unique";
import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import { plainFormInput } from "@/lib/forms";
import { clearDueUpdates, clearableUpdatesWhere } from "@/lib/victims-code/clear-updates";
import {
  contactFormSchema,
  contactFormValues,
  tickedUpdateIds,
  type ContactField,
  type ContactFormValues,
} from "./schema";
import { openableReportWhere } from "@/lib/reports/restriction";

// A named update was cleared by a colleague between the check and the save: the whole save
// is rolled back and the officer is asked to look again.
class UpdatesChanged extends Error {}

export type CreateContactResult =
  | {
      status: "created";
      contactId: string;
      personId: string;
      reportId: string | null;
      updatesCleared: number;
    }
  | {
      status: "invalid";
      values: Partial<ContactFormValues>;
      fieldErrors: Partial<Record<ContactField, string>>;
      formError?: string;
    }
  | { status: "not-found" };

export async function createContact(
  user: CurrentUser,
  personId: string,
  raw: Record<string, unknown>,
  now: Date = new Date(),
): Promise<CreateContactResult> {
  const unitId = unitScope(user, "contact:create:unit");
  if (!unitId || !isUuid(personId)) {
    await recordAudit(db(), {
      actor: user,
      action: "contact.create",
      recordType: "person",
      recordId: isUuid(personId) ? personId : undefined,
      outcome: "DENIED",
    });
    return { status: "not-found" };
  }
  const { token, rest } = takeFormToken(raw);
  if (token) {
    const first = await withRowScope(rowScopeOf(user), (tx) =>
      savedBefore(tx, user, unitId, personId, token),
    );
    if (first) return first;
  }
  const values = contactFormValues(rest);
  const parsed = contactFormSchema(now).safeParse(plainFormInput(rest));
  const fieldErrors: Partial<Record<ContactField, string>> = {};
  let formError: string | undefined;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as ContactField | undefined;
      if (field === undefined || issue.code === "unrecognized_keys")
        formError ??= "contacts.errors.unknownField";
      else fieldErrors[field] ??= issue.message;
    }
  }

  try {
    return await save(user, unitId, personId, { values, parsed, fieldErrors, formError, token }, now);
  } catch (error) {
    // Two submits of one form at once: the second loses on the token and answers with the first.
    if (token && isUniqueViolation(error)) {
      const first = await withRowScope(rowScopeOf(user), (tx) =>
        savedBefore(tx, user, unitId, personId, token),
      );
      if (first) return first;
    }
    if (!(error instanceof UpdatesChanged)) throw error;
    return { status: "invalid", values, fieldErrors: { updateIds: "caseUpdates.errors.updatesChanged" } };
  }
}

// The contact this officer already saved from the form with this token, for this person in
// their unit, answered as it was when it was saved.
async function savedBefore(
  tx: Tx,
  user: CurrentUser,
  unitId: string,
  personId: string,
  token: string,
): Promise<CreateContactResult | null> {
  const contact = await tx.liaisonContact.findFirst({
    where: { idempotencyKey: token, unitId, personId, officerId: user.id },
    select: { id: true, reportId: true, _count: { select: { updatesCleared: true } } },
  });
  if (!contact) return null;
  return {
    status: "created",
    contactId: contact.id,
    personId,
    reportId: contact.reportId,
    updatesCleared: contact._count.updatesCleared,
  };
}

type Checked = {
  values: Partial<ContactFormValues>;
  parsed: ReturnType<ReturnType<typeof contactFormSchema>["safeParse"]>;
  fieldErrors: Partial<Record<ContactField, string>>;
  formError: string | undefined;
  token: string | null;
};

async function save(
  user: CurrentUser,
  unitId: string,
  personId: string,
  { values, parsed, fieldErrors, formError, token }: Checked,
  now: Date,
): Promise<CreateContactResult> {
  return withRowScope(rowScopeOf(user), async (tx): Promise<CreateContactResult> => {
    const person = await tx.person.findFirst({ where: { id: personId, unitId }, select: { id: true } });
    if (!person) {
      await recordAudit(tx, {
        actor: user,
        action: "contact.create",
        recordType: "person",
        recordId: personId,
        outcome: "DENIED",
      });
      return { status: "not-found" as const };
    }
    // The report is checked even when other fields are wrong, so every error shows at once.
    const reportId = parsed.success
      ? parsed.data.reportId
      : isUuid(values.reportId ?? "")
        ? values.reportId
        : null;
    if (reportId) {
      const report = await tx.incidentReport.findFirst({
        where: { id: reportId, unitId, personId, ...openableReportWhere(user) },
        select: { id: true },
      });
      if (!report) fieldErrors.reportId ??= "contacts.errors.reportId";
      // Every named update must be open, on this report, for this person, in this unit, and
      // decided by the day of the contact (or by today, while the date is still wrong).
      const updateIds = parsed.success
        ? parsed.data.updateIds
        : tickedUpdateIds(values).map((id) => id.toLowerCase());
      if (report && updateIds.length > 0 && updateIds.every(isUuid) && !fieldErrors.updateIds) {
        const where = clearableUpdatesWhere({
          unitId,
          personId,
          reportId,
          occurredAt: parsed.success ? parsed.data.occurredAt : now,
          updateIds,
        });
        if ((await tx.victimUpdate.count({ where })) !== updateIds.length)
          fieldErrors.updateIds = "caseUpdates.errors.updateIds";
      }
    }
    if (!parsed.success || formError || Object.keys(fieldErrors).length > 0) {
      return { status: "invalid" as const, values, fieldErrors, ...(formError ? { formError } : {}) };
    }

    const input = parsed.data;
    const contact = await tx.liaisonContact.create({
      data: {
        unitId,
        personId,
        officerId: user.id,
        reportId: input.reportId,
        type: input.type,
        method: input.method,
        occurredAt: input.occurredAt,
        notes: input.notes,
        followUpOn: input.followUpOn,
        idempotencyKey: token,
      },
      select: { id: true },
    });
    const updatesCleared =
      input.type === "CASE_UPDATE" && input.reportId
        ? await clearDueUpdates(tx, {
            unitId,
            personId,
            reportId: input.reportId,
            contactId: contact.id,
            occurredAt: input.occurredAt,
            updateIds: input.updateIds,
          })
        : 0;
    if (updatesCleared !== input.updateIds.length) throw new UpdatesChanged();
    await recordAudit(tx, {
      actor: user,
      action: "contact.create",
      recordType: "contact",
      recordId: contact.id,
      outcome: "SUCCESS",
    });
    return {
      status: "created" as const,
      contactId: contact.id,
      personId,
      reportId: input.reportId,
      updatesCleared,
    };
  });
}
