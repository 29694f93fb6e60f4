"use server";

import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session-user";
import { assessRisk } from "@/lib/risk/assess-risk";
import { riskFormValues, type RiskFormValues } from "@/lib/risk/schema";
import { formToObject, type FormState } from "@/lib/forms";

export type RiskFormState = FormState<RiskFormValues>;

export async function assessRiskAction(
  reportId: string,
  _previous: RiskFormState,
  form: FormData,
): Promise<RiskFormState> {
  const user = await requireUser();
  const raw = formToObject(form, ["factors"]);
  let result;
  try {
    result = await assessRisk(user, String(reportId), raw);
  } catch (error) {
    // The error's name only: a database error can quote the values it was given.
    console.error("Saving a risk assessment failed", error instanceof Error ? error.name : typeof error);
    return {
      status: "failed",
      values: riskFormValues(raw),
      fieldErrors: {},
      formError: "caseRisk.errors.unexpected",
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
  redirect(`/reports/${reportId}?risk=saved`);
}
