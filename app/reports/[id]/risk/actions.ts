"use server";

import { notFound, redirect } from "next/navigation";
import { assessRisk } from "@/lib/risk/assess-risk";
import { riskFormValues, type RiskFormValues } from "@/lib/risk/schema";
import { formToObject, type FormState } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import { can } from "@/lib/authz/scope";

export type RiskFormState = FormState<RiskFormValues>;

export async function assessRiskAction(
  reportId: string,
  _previous: RiskFormState,
  form: FormData,
): Promise<RiskFormState> {
  const raw = formToObject(form, ["factors"]);
  return safeAction<RiskFormState>("Saving a risk assessment", riskFormValues(raw), async (user) => {
    if (!can(user, "risk:assess:unit")) notFound();
    const result = await assessRisk(user, String(reportId), raw);
    if (result.status === "not-found") notFound();
    if (result.status === "invalid")
      return {
        status: "invalid",
        values: result.values,
        fieldErrors: result.fieldErrors,
        formError: result.formError,
      };
    redirect(`/reports/${reportId}?risk=saved`);
  });
}
