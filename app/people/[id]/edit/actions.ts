"use server";

import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session-user";
import { updatePerson } from "@/lib/people/update-person";
import { personFormValues, type PersonFormValues } from "@/lib/people/schema";
import { formToObject, type FormState } from "@/lib/forms";

export type PersonFormState = FormState<PersonFormValues> & { current?: PersonFormValues };

export async function updatePersonAction(
  personId: string,
  _previous: PersonFormState,
  form: FormData,
): Promise<PersonFormState> {
  const user = await requireUser();
  const raw = formToObject(form, ["safeContactMethods"]);
  let result;
  try {
    result = await updatePerson(user, String(personId), raw);
  } catch (error) {
    // The error's name only: a database error can quote the values it was given.
    console.error("Saving a person's details failed", error instanceof Error ? error.name : typeof error);
    return {
      status: "failed",
      values: personFormValues(raw),
      fieldErrors: {},
      formError: "people.errors.unexpected",
    };
  }
  if (result.status === "not-found") notFound();
  if (result.status === "invalid") {
    return {
      status: "invalid",
      values: result.values,
      fieldErrors: result.fieldErrors,
      formError: result.formError,
    };
  }
  if (result.status === "conflict") {
    // The next save is made against what is saved now: the officer has seen it.
    return {
      status: "failed",
      values: { ...result.values, version: result.current.version },
      fieldErrors: {},
      formError: "people.conflictTitle",
      current: result.current,
    };
  }
  redirect(`/people/${result.personId}?person=saved`);
}
