"use server";

import { notFound, redirect } from "next/navigation";
import { updatePerson } from "@/lib/people/update-person";
import { personFormValues, type PersonFormValues } from "@/lib/people/schema";
import { formToObject, type FormState } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import { can } from "@/lib/authz/scope";

export type PersonFormState = FormState<PersonFormValues> & { current?: PersonFormValues };

export async function updatePersonAction(
  personId: string,
  _previous: PersonFormState,
  form: FormData,
): Promise<PersonFormState> {
  const raw = formToObject(form, ["safeContactMethods"]);
  return safeAction<PersonFormState>("Saving a person's details", personFormValues(raw), async (user) => {
    if (!can(user, "person:update:unit")) notFound();
    const result = await updatePerson(user, String(personId), raw);
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
  });
}
