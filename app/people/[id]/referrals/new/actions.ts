"use server";

import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session-user";
import { createReferral } from "@/lib/referrals/create-referral";
import { REFERRAL_FORM_FIELDS, type ReferralFormValues } from "@/lib/referrals/schema";
import { formValues } from "@/lib/consent/schema";
import { formToObject, type FormState } from "@/lib/forms";

// Bound on the page to the person's id; the basis, fields and case come from the form and
// are checked again in createReferral.
export async function createReferralAction(
  personId: string,
  _previous: FormState<ReferralFormValues>,
  form: FormData,
): Promise<FormState<ReferralFormValues>> {
  const user = await requireUser();
  const raw = formToObject(form, ["sharedFields"]);
  let result;
  try {
    result = await createReferral(user, String(personId), raw);
  } catch (error) {
    console.error("Creating a referral failed", error instanceof Error ? error.name : typeof error);
    return {
      status: "failed",
      values: formValues(raw, REFERRAL_FORM_FIELDS),
      fieldErrors: {},
      formError: "referrals.errors.unexpected",
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
  redirect(
    result.reportId
      ? `/reports/${result.reportId}?referral=sent`
      : `/people/${result.personId}?referral=sent`,
  );
}
