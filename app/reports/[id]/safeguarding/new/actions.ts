"use server";

import { notFound, redirect } from "next/navigation";
import { recordSafeguarding } from "@/lib/safeguarding/record-safeguarding";
import { safeguardingFormValues, type SafeguardingFormValues } from "@/lib/safeguarding/schema";
import { formToObject, type FormState } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import { can } from "@/lib/authz/scope";

export type SafeguardingFormState = FormState<SafeguardingFormValues>;

export async function recordSafeguardingAction(
  reportId: string,
  _previous: SafeguardingFormState,
  form: FormData,
): Promise<SafeguardingFormState> {
  const raw = formToObject(form, []);
  return safeAction<SafeguardingFormState>(
    "Saving a safeguarding record",
    safeguardingFormValues(raw),
    async (user) => {
      if (!can(user, "safeguarding:record:unit")) notFound();
      const result = await recordSafeguarding(user, String(reportId), raw);
      if (result.status === "not-found") notFound();
      if (result.status === "invalid")
        return {
          status: "invalid",
          values: result.values,
          fieldErrors: result.fieldErrors,
          formError: result.formError,
        };
      redirect(`/reports/${reportId}?safeguarding=saved`);
    },
  );
}
