"use server";

import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session-user";
import { withdrawConsent } from "@/lib/consent/withdraw-consent";
import { WITHDRAW_FORM_FIELDS, formValues, type WithdrawFormValues } from "@/lib/consent/schema";
import { formToObject, type FormState } from "@/lib/forms";

// Bound on the page to the person and the consent; the lib function checks both again.
export async function withdrawConsentAction(
  personId: string,
  consentId: string,
  _previous: FormState<WithdrawFormValues>,
  form: FormData,
): Promise<FormState<WithdrawFormValues>> {
  const user = await requireUser();
  const raw = formToObject(form, []);
  let result;
  try {
    result = await withdrawConsent(user, String(personId), String(consentId), raw);
  } catch (error) {
    console.error("Recording a withdrawal failed", error instanceof Error ? error.name : typeof error);
    return {
      status: "failed",
      values: formValues(raw, WITHDRAW_FORM_FIELDS),
      fieldErrors: {},
      formError: "consents.errors.unexpected",
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
  redirect(`/people/${result.personId}?consent=withdrawn`);
}
