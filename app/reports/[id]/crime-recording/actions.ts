"use server";

import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session-user";
import { recordCrimeNotRecorded } from "@/lib/crime-recording/record-not-recorded";
import { notRecordedValues, type NotRecordedValues } from "@/lib/crime-recording/schema";
import { formToObject, type FormState } from "@/lib/forms";

export type NotRecordedState = FormState<NotRecordedValues>;

export async function recordCrimeNotRecordedAction(
  reportId: string,
  _previous: NotRecordedState,
  form: FormData,
): Promise<NotRecordedState> {
  const user = await requireUser();
  const raw = formToObject(form, []);
  let result;
  try {
    result = await recordCrimeNotRecorded(user, String(reportId), raw);
  } catch (error) {
    // The error's name only: a database error can quote the values it was given.
    console.error(
      "Saving a crime-recording reason failed",
      error instanceof Error ? error.name : typeof error,
    );
    return {
      status: "failed",
      values: notRecordedValues(raw),
      fieldErrors: {},
      formError: "caseCrimeRecording.errors.unexpected",
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
  redirect(`/reports/${reportId}?crimeRecording=saved`);
}
