"use server";

import { notFound, redirect } from "next/navigation";
import { ensurePermission } from "@/lib/auth/session-user";
import type { ButtonState } from "@/components/form/action-button";
import { formToObject, submittedForm, typedValues, type FormState } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import { findPeopleByWorkingName } from "@/lib/people/queries";
import { markSubmissionBeingLookedAt, triageSubmission } from "@/lib/third-party/triage";
import type { PersonOption } from "@/components/intake/question-field";
import { can } from "@/lib/authz/scope";

type State = FormState<Record<string, string>>;

// Every action is a public endpoint: the lib functions find the submission by id and the
// user's own unit, so another unit's id is "not found" whatever the page showed.
// A button with nothing typed: the wrapper answers a failure beside it.
export async function markLookingAction(
  submissionId: string,
  _prev: ButtonState,
  _form: FormData,
): Promise<ButtonState> {
  return safeAction<ButtonState>("Marking a submission as being looked at", {}, async (user) => {
    await ensurePermission(user, "submission:triage:unit");
    const result = await markSubmissionBeingLookedAt(user, String(submissionId));
    if (result.status === "not-found") notFound();
    redirect(`/submissions/${submissionId}?looking=1`);
  });
}

export async function triageAction(submissionId: string, _prev: State, form: FormData): Promise<State> {
  const raw = formToObject(form, []);
  return safeAction<State>("Triaging a submission", typedValues(raw), async (user) => {
    if (!can(user, "submission:triage:unit")) notFound();
    const result = await triageSubmission(user, String(submissionId), raw);
    if (result.status === "not-found") notFound();
    if (result.status === "invalid")
      return {
        status: "invalid",
        values: result.values as Record<string, string>,
        fieldErrors: result.fieldErrors as Record<string, string>,
        formError: result.formError,
      };
    redirect(result.reportId ? `/reports/${result.reportId}` : `/submissions/${submissionId}`);
  });
}

// The shape every form-action answer has (lib/forms/safe-action.ts), with the people found.
// `people` is missing when the wrapper answers for a failure.
export type SearchState = {
  status: "idle" | "done" | "failed" | "signed-out";
  values: { query?: string };
  fieldErrors: Record<string, string>;
  formError?: string;
  kept?: string;
  restored?: boolean;
  people?: PersonOption[];
};

// A POST, so a working name never appears in a URL or a server log. It runs in the form
// wrapper: if the database is down or the session lapsed, the triage form below keeps what
// was typed into it and the search says why it found nothing.
export async function searchPeopleAction(_prev: SearchState, form: FormData): Promise<SearchState> {
  const values = { query: String(submittedForm(form).get("query") ?? "").slice(0, 100) };
  return safeAction<SearchState>("Searching for a person to triage", values, async (user) => {
    await ensurePermission(user, "submission:triage:unit");
    const found = await findPeopleByWorkingName(user, values.query);
    return {
      status: "done",
      values,
      fieldErrors: {},
      people: found.map((p) => ({
        id: p.id,
        workingName: p.workingName,
        selfDescription: p.selfDescription,
      })),
    };
  });
}
