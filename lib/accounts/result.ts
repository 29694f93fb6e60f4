// What an administration use case answers. Expected failures are values: the form's field
// errors (message keys) with what was submitted, a form-level refusal (a duplicate name,
// the last administrator), or "not found" — which is also the answer to a caller without
// the permission, so the page cannot be used to learn what exists.
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/ids";
import type { Role } from "@/lib/generated/prisma/enums";

export type Actor = { id: string; role: Role };

export type Invalid<Values> = {
  status: "invalid";
  values: Partial<Values>;
  fieldErrors: Partial<Record<keyof Values & string, string>>;
  formError?: string;
};

export type Done<Extra extends object = object> = { status: "done" } & Extra;

export type AdminResult<Values, Extra extends object = object> =
  Done<Extra> | Invalid<Values> | { status: "not-found" };

export function refused<Values>(values: Partial<Values>, formError: string): Invalid<Values> {
  return { status: "invalid", values, fieldErrors: {}, formError };
}

// A refused permission is audited (outside any transaction: nothing else is written).
export async function auditDenied(actor: Actor, action: string, recordType: string, recordId?: string) {
  await recordAudit(db(), {
    actor,
    action,
    recordType,
    ...(recordId && isUuid(recordId) ? { recordId } : {}),
    outcome: "DENIED",
  });
}

// The values of a submitted form, as text, to put back into it.
export function textValues<Field extends string>(
  raw: Record<string, unknown>,
  fields: readonly Field[],
): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const f of fields) if (typeof raw[f] === "string") out[f] = raw[f];
  return out;
}
