// Logging a liaison contact with a person. The unit and officer come from the signed-in
// user; the person must be in their unit, and a linked report must be that person's, in
// that unit. A "case update" contact clears the Victims' Code updates it answers, in the
// same transaction, so the contact and the cleared updates stand or fall together.
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import { clearDueUpdates } from "@/lib/victims-code/clear-updates";
import { contactFormSchema, contactFormValues, type ContactField, type ContactFormValues } from "./schema";

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
  const values = contactFormValues(raw);
  const parsed = contactFormSchema(now).safeParse(raw);
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

  return db().$transaction(async (tx) => {
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
        where: { id: reportId, unitId, personId },
        select: { id: true },
      });
      if (!report) fieldErrors.reportId ??= "contacts.errors.reportId";
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
      },
      select: { id: true },
    });
    const updatesCleared =
      input.type === "CASE_UPDATE"
        ? await clearDueUpdates(tx, { unitId, personId, contactId: contact.id, occurredAt: input.occurredAt })
        : 0;
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
