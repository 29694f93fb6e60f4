"use server";

import { notFound, redirect } from "next/navigation";
import { recordCrimeNotRecorded } from "@/lib/crime-recording/record-not-recorded";
import { notRecordedValues, type NotRecordedValues } from "@/lib/crime-recording/schema";
import { formToObject, type FormState } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import { can } from "@/lib/authz/scope";

export type NotRecordedState = FormState<NotRecordedValues>;

export async function recordCrimeNotRecordedAction(
  reportId: string,
  _previous: NotRecordedState,
  form: FormData,
): Promise<NotRecordedState> {
  const raw = formToObject(form, []);
  return safeAction<NotRecordedState>(
    "Saving a crime-recording reason",
    notRecordedValues(raw),
    async (user) => {
      if (!can(user, "report:update:unit")) notFound();
      const result = await recordCrimeNotRecorded(user, String(reportId), raw);
      if (result.status === "not-found") notFound();
      if (result.status === "invalid")
        return {
          status: "invalid",
          values: result.values,
          fieldErrors: result.fieldErrors,
          formError: result.formError,
        };
      redirect(`/reports/${reportId}?crimeRecording=saved`);
    },
  );
}
