"use server";

import { notFound, redirect } from "next/navigation";
import { withdrawConsent } from "@/lib/consent/withdraw-consent";
import { WITHDRAW_FORM_FIELDS, formValues, type WithdrawFormValues } from "@/lib/consent/schema";
import { formToObject, type FormState } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import { can } from "@/lib/authz/scope";

// Bound on the page to the person and the consent; the lib function checks both again.
export async function withdrawConsentAction(
  personId: string,
  consentId: string,
  _previous: FormState<WithdrawFormValues>,
  form: FormData,
): Promise<FormState<WithdrawFormValues>> {
  const raw = formToObject(form, []);
  return safeAction<FormState<WithdrawFormValues>>(
    "Recording a withdrawal",
    formValues(raw, WITHDRAW_FORM_FIELDS),
    async (user) => {
      if (!can(user, "consent:record:unit")) notFound();
      const result = await withdrawConsent(user, String(personId), String(consentId), raw);
      if (result.status === "not-found") notFound();
      if (result.status === "invalid")
        return {
          status: "invalid",
          values: result.values,
          fieldErrors: result.fieldErrors,
          formError: result.formError,
        };
      redirect(`/people/${result.personId}?consent=withdrawn`);
    },
  );
}
