"use server";

import { notFound, redirect } from "next/navigation";
import { createReferral } from "@/lib/referrals/create-referral";
import { REFERRAL_FORM_FIELDS, type ReferralFormValues } from "@/lib/referrals/schema";
import { formValues } from "@/lib/consent/schema";
import { formToObject, type FormState } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import { can } from "@/lib/authz/scope";

// Bound on the page to the person's id; the basis, fields and case come from the form and
// are checked again in createReferral.
export async function createReferralAction(
  personId: string,
  _previous: FormState<ReferralFormValues>,
  form: FormData,
): Promise<FormState<ReferralFormValues>> {
  const raw = formToObject(form, ["sharedFields"]);
  return safeAction<FormState<ReferralFormValues>>(
    "Creating a referral",
    formValues(raw, REFERRAL_FORM_FIELDS),
    async (user) => {
      if (!can(user, "referral:create:unit")) notFound();
      const result = await createReferral(user, String(personId), raw);
      if (result.status === "not-found") notFound();
      if (result.status === "invalid")
        return {
          status: "invalid",
          values: result.values,
          fieldErrors: result.fieldErrors,
          formError: result.formError,
        };
      redirect(
        result.reportId
          ? `/reports/${result.reportId}?referral=sent`
          : `/people/${result.personId}?referral=sent`,
      );
    },
  );
}
