"use server";

import { notFound, redirect } from "next/navigation";
import { recordConsent } from "@/lib/consent/record-consent";
import { CONSENT_FORM_FIELDS, formValues, type ConsentFormValues } from "@/lib/consent/schema";
import { formToObject, type FormState } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import { can } from "@/lib/authz/scope";

// Bound on the page to the person's id; the lib function checks everything again.
export async function recordConsentAction(
  personId: string,
  _previous: FormState<ConsentFormValues>,
  form: FormData,
): Promise<FormState<ConsentFormValues>> {
  const raw = formToObject(form, ["fields"]);
  return safeAction<FormState<ConsentFormValues>>(
    "Recording consent",
    formValues(raw, CONSENT_FORM_FIELDS),
    async (user) => {
      if (!can(user, "consent:record:unit")) notFound();
      const result = await recordConsent(user, String(personId), raw);
      if (result.status === "not-found") notFound();
      if (result.status === "invalid")
        return { status: "invalid", values: result.values, fieldErrors: result.fieldErrors };
      redirect(`/people/${result.personId}?consent=saved`);
    },
  );
}
