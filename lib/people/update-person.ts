// Changing a person's details. Scoped to the user's unit; the update names the version the
// officer read, so a save made on top of someone else's newer change is refused and the
// officer sees both. Audited in the same transaction, without any of the content.
import { rowScopeOf, withRowScope } from "@/lib/db/scope";

import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import { plainFormInput } from "@/lib/forms";
import { personFormValues, personUpdateSchema, type PersonField, type PersonFormValues } from "./schema";
import { PERSON_DETAILS } from "./queries";

type Errors = Partial<Record<PersonField, string>>;

export type UpdatePersonResult =
  | { status: "updated"; personId: string; version: number }
  | { status: "invalid"; values: Partial<PersonFormValues>; fieldErrors: Errors; formError?: string }
  | {
      status: "conflict";
      values: Partial<PersonFormValues>;
      // What is saved now, as form text, so the officer can compare before saving again.
      current: PersonFormValues;
    }
  | { status: "not-found" };

export async function updatePerson(
  user: CurrentUser,
  personId: string,
  raw: Record<string, unknown>,
): Promise<UpdatePersonResult> {
  const unitId = unitScope(user, "person:update:unit");
  if (!unitId || !isUuid(personId)) return { status: "not-found" };
  const values = personFormValues(raw);
  const parsed = personUpdateSchema.safeParse(plainFormInput(raw));

  return withRowScope(rowScopeOf(user), async (tx) => {
    const saved = await tx.person.findFirst({ where: { id: personId, unitId }, select: PERSON_DETAILS });
    if (!saved) {
      await recordAudit(tx, {
        actor: user,
        action: "person.update",
        recordType: "person",
        recordId: personId,
        outcome: "DENIED",
      });
      return { status: "not-found" as const };
    }
    if (!parsed.success) {
      const fieldErrors: Errors = {};
      let formError: string | undefined;
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as PersonField | undefined;
        if (field === undefined || issue.code === "unrecognized_keys")
          formError ??= "people.errors.unknownField";
        else fieldErrors[field] ??= issue.message;
      }
      return { status: "invalid" as const, values, fieldErrors, ...(formError ? { formError } : {}) };
    }
    const { version, ...changes } = parsed.data;
    // Only a row still at the version the officer read is changed.
    const result = await tx.person.updateMany({
      where: { id: personId, unitId, version },
      data: { ...changes, version: { increment: 1 } },
    });
    if (result.count === 0) {
      await recordAudit(tx, {
        actor: user,
        action: "person.update",
        recordType: "person",
        recordId: personId,
        outcome: "FAILURE",
      });
      return { status: "conflict" as const, values, current: asFormValues(saved) };
    }
    await recordAudit(tx, {
      actor: user,
      action: "person.update",
      recordType: "person",
      recordId: personId,
      outcome: "SUCCESS",
    });
    return { status: "updated" as const, personId, version: version + 1 };
  });
}

type Saved = { [K in Exclude<PersonField, "safeContactMethods" | "version">]: string | null } & {
  safeContactMethods: string[];
  version: number;
};

export function asFormValues(person: Saved): PersonFormValues {
  return {
    workingName: person.workingName ?? "",
    selfDescription: person.selfDescription ?? "",
    ageBand: person.ageBand ?? "",
    workSetting: person.workSetting ?? "",
    language: person.language ?? "",
    interpreterNeeds: person.interpreterNeeds ?? "",
    accessNeeds: person.accessNeeds ?? "",
    safeContactMethods: person.safeContactMethods.join(","),
    safeContactTimes: person.safeContactTimes ?? "",
    doNotContactRules: person.doNotContactRules ?? "",
    version: String(person.version),
  };
}
