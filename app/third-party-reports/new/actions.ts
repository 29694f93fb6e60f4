"use server";

import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session-user";
import { formToObject } from "@/lib/forms";
import { submitThirdPartyReport } from "@/lib/third-party/submit";
import { LIST_FIELDS } from "@/lib/third-party/questions";
import type { RawValues } from "@/lib/intake/questions";

export type PartnerFormState = {
  status: "idle" | "invalid" | "failed";
  values: RawValues;
  fieldErrors: Record<string, string>;
  formError?: string;
};

// A public endpoint like every action: the lib function checks the partner's permission,
// validates everything and sends only to a unit the agency is linked with.
export async function submitThirdPartyAction(
  _prev: PartnerFormState,
  form: FormData,
): Promise<PartnerFormState> {
  const user = await requireUser();
  const raw = formToObject(form, LIST_FIELDS);
  let result: Awaited<ReturnType<typeof submitThirdPartyReport>>;
  try {
    result = await submitThirdPartyReport(user, raw);
  } catch (error) {
    console.error(
      "Submitting a third-party report failed",
      error instanceof Error ? error.name : typeof error,
    );
    return { status: "failed", values: {}, fieldErrors: {}, formError: "thirdParty.errors.unexpected" };
  }
  if (result.status === "not-found") notFound();
  if (result.status === "invalid")
    return { status: "invalid", values: result.values, fieldErrors: result.fieldErrors };
  redirect("/third-party-reports?submitted=1");
}
