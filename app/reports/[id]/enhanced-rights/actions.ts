"use server";

import { notFound, redirect } from "next/navigation";
import { changeEnhancedRights, type EnhancedRightsValues } from "@/lib/victims-code/change-enhanced-rights";
import { formToObject, type FormState } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import { can } from "@/lib/authz/scope";

export async function changeEnhancedRightsAction(
  reportId: string,
  _previous: FormState<EnhancedRightsValues>,
  form: FormData,
): Promise<FormState<EnhancedRightsValues>> {
  const raw = formToObject(form, []);
  const typed: Partial<EnhancedRightsValues> = {};
  for (const field of ["enhancedRights", "reason"] as const)
    if (typeof raw[field] === "string") typed[field] = raw[field];
  return safeAction<FormState<EnhancedRightsValues>>("Changing enhanced rights", typed, async (user) => {
    if (!can(user, "report:update:unit")) notFound();
    const result = await changeEnhancedRights(user, String(reportId), raw);
    if (result.status === "not-found") notFound();
    if (result.status === "invalid")
      return { status: "invalid", values: result.values, fieldErrors: result.fieldErrors };
    // The case page's "saved" banner: the decision is part of the report's details.
    redirect(`/reports/${reportId}?saved=1`);
  });
}
