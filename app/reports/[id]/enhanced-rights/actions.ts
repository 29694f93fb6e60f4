"use server";

import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session-user";
import { changeEnhancedRights, type EnhancedRightsValues } from "@/lib/victims-code/change-enhanced-rights";
import { formToObject, type FormState } from "@/lib/forms";

export async function changeEnhancedRightsAction(
  reportId: string,
  _previous: FormState<EnhancedRightsValues>,
  form: FormData,
): Promise<FormState<EnhancedRightsValues>> {
  const user = await requireUser();
  const raw = formToObject(form, []);
  let result;
  try {
    result = await changeEnhancedRights(user, String(reportId), raw);
  } catch (error) {
    // The error's name only: a database error can quote the values it was given.
    console.error("Changing enhanced rights failed", error instanceof Error ? error.name : typeof error);
    const values: Partial<EnhancedRightsValues> = {};
    for (const field of ["enhancedRights", "reason"] as const)
      if (typeof raw[field] === "string") values[field] = raw[field];
    return { status: "failed", values, fieldErrors: {}, formError: "enhancedRights.errors.unexpected" };
  }
  if (result.status === "not-found") notFound();
  if (result.status === "invalid")
    return { status: "invalid", values: result.values, fieldErrors: result.fieldErrors };
  // The case page's "saved" banner: the decision is part of the report's details.
  redirect(`/reports/${reportId}?saved=1`);
}
