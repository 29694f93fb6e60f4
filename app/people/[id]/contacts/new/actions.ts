"use server";

import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session-user";
import { createContact } from "@/lib/contacts/create-contact";
import { contactFormValues, type ContactFormValues } from "@/lib/contacts/schema";
import { formToObject, type FormState } from "@/lib/forms";

// Bound on the page: the person's id, and whether the officer came from a report page (then
// they go back there, but only to the report the contact was saved against).
export async function createContactAction(
  personId: string,
  backToReport: boolean,
  _previous: FormState<ContactFormValues>,
  form: FormData,
): Promise<FormState<ContactFormValues>> {
  const user = await requireUser();
  // The ticked updates are checkboxes: always a list, even of one or none.
  const raw = formToObject(form, ["updateIds"]);
  let result;
  try {
    result = await createContact(user, String(personId), raw);
  } catch (error) {
    // The error's name only: a database error can quote the values it was given.
    console.error("Saving a contact failed", error instanceof Error ? error.name : typeof error);
    return {
      status: "failed",
      values: contactFormValues(raw),
      fieldErrors: {},
      formError: "contacts.errors.unexpected",
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
  redirect(
    backToReport === true && result.reportId
      ? `/reports/${result.reportId}?contact=saved`
      : `/people/${result.personId}?contact=saved`,
  );
}
