"use server";

import { notFound, redirect } from "next/navigation";
import { createContact } from "@/lib/contacts/create-contact";
import { contactFormValues, type ContactFormValues } from "@/lib/contacts/schema";
import { formToObject, type FormState } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import { can } from "@/lib/authz/scope";

// Bound on the page: the person's id, and whether the officer came from a report page (then
// they go back there, but only to the report the contact was saved against).
export async function createContactAction(
  personId: string,
  backToReport: boolean,
  _previous: FormState<ContactFormValues>,
  form: FormData,
): Promise<FormState<ContactFormValues>> {
  // The ticked updates are checkboxes: always a list, even of one or none.
  const raw = formToObject(form, ["updateIds"]);
  return safeAction<FormState<ContactFormValues>>(
    "Saving a contact",
    contactFormValues(raw),
    async (user) => {
      if (!can(user, "contact:create:unit")) notFound();
      const result = await createContact(user, String(personId), raw);
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
    },
  );
}
