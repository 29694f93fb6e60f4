"use server";

import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session-user";
import { recordSafeguarding } from "@/lib/safeguarding/record-safeguarding";
import { safeguardingFormValues, type SafeguardingFormValues } from "@/lib/safeguarding/schema";
import { formToObject, type FormState } from "@/lib/forms";

export type SafeguardingFormState = FormState<SafeguardingFormValues>;

export async function recordSafeguardingAction(
  reportId: string,
  _previous: SafeguardingFormState,
  form: FormData,
): Promise<SafeguardingFormState> {
  const user = await requireUser();
  const raw = formToObject(form, []);
  let result;
  try {
    result = await recordSafeguarding(user, String(reportId), raw);
  } catch (error) {
    // The error's name only: a database error can quote the values it was given.
    console.error("Saving a safeguarding record failed", error instanceof Error ? error.name : typeof error);
    return {
      status: "failed",
      values: safeguardingFormValues(raw),
      fieldErrors: {},
      formError: "caseSafeguarding.errors.unexpected",
    };
  }
  if (result.status === "not-found") notFound();
  if (result.status === "invalid")
    return {
      status: "invalid",
      values: result.values,
      fieldErrors: result.fieldErrors,
      formError: result.formError,
    };
  redirect(`/reports/${reportId}?safeguarding=saved`);
}
