"use server";

import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session-user";
import { recordConsent } from "@/lib/consent/record-consent";
import { CONSENT_FORM_FIELDS, formValues, type ConsentFormValues } from "@/lib/consent/schema";
import { formToObject, type FormState } from "@/lib/forms";

// Bound on the page to the person's id; the lib function checks everything again.
export async function recordConsentAction(
  personId: string,
  _previous: FormState<ConsentFormValues>,
  form: FormData,
): Promise<FormState<ConsentFormValues>> {
  const user = await requireUser();
  const raw = formToObject(form, ["fields"]);
  let result;
  try {
    result = await recordConsent(user, String(personId), raw);
  } catch (error) {
    // The error's name only: a database error can quote the values it was given.
    console.error("Recording consent failed", error instanceof Error ? error.name : typeof error);
    return {
      status: "failed",
      values: formValues(raw, CONSENT_FORM_FIELDS),
      fieldErrors: {},
      formError: "consents.errors.unexpected",
    };
  }
  if (result.status === "not-found") notFound();
  if (result.status === "invalid")
    return { status: "invalid", values: result.values, fieldErrors: result.fieldErrors };
  redirect(`/people/${result.personId}?consent=saved`);
}
