"use server";

import { notFound, redirect } from "next/navigation";
import { formToObject } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import { submitThirdPartyReport } from "@/lib/third-party/submit";
import { LIST_FIELDS } from "@/lib/third-party/questions";
import type { RawValues } from "@/lib/intake/questions";
import { can } from "@/lib/authz/scope";

export type PartnerFormState = {
  status: "idle" | "invalid" | "failed" | "signed-out";
  values: RawValues;
  fieldErrors: Record<string, string>;
  formError?: string;
  kept?: string;
  restored?: boolean;
};

// What was typed, as the form holds it: text, and lists for the ticked boxes.
function typed(raw: Record<string, unknown>): RawValues {
  const out: RawValues = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === "string") out[key] = value.slice(0, 25_000);
    else if (Array.isArray(value)) out[key] = value.filter((v): v is string => typeof v === "string");
  }
  return out;
}

// A public endpoint like every action: the lib function checks the partner's permission,
// validates everything and sends only to a unit the agency is linked with.
export async function submitThirdPartyAction(
  _prev: PartnerFormState,
  form: FormData,
): Promise<PartnerFormState> {
  const raw = formToObject(form, LIST_FIELDS);
  return safeAction<PartnerFormState>("Submitting a third-party report", typed(raw), async (user) => {
    if (!can(user, "report:submit:third-party")) notFound();
    const result = await submitThirdPartyReport(user, raw);
    if (result.status === "not-found") notFound();
    if (result.status === "invalid")
      return { status: "invalid", values: result.values, fieldErrors: result.fieldErrors };
    redirect("/third-party-reports?submitted=1");
  });
}
