"use server";

import { notFound, redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/session-user";
import { formToObject, typedValues, type FormState } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import { findPeopleByWorkingName } from "@/lib/people/queries";
import { markSubmissionBeingLookedAt, triageSubmission } from "@/lib/third-party/triage";
import type { PersonOption } from "@/components/intake/question-field";
import { can } from "@/lib/authz/scope";

type State = FormState<Record<string, string>>;

// Every action is a public endpoint: the lib functions find the submission by id and the
// user's own unit, so another unit's id is "not found" whatever the page showed.
export async function markLookingAction(submissionId: string): Promise<void> {
  const user = await requirePermission("submission:triage:unit");
  const result = await markSubmissionBeingLookedAt(user, String(submissionId));
  if (result.status === "not-found") notFound();
  redirect(`/submissions/${submissionId}?looking=1`);
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

export type SearchState = { searched: boolean; query: string; people: PersonOption[] };

// A POST, so a working name never appears in a URL or a server log.
export async function searchPeopleAction(_prev: SearchState, form: FormData): Promise<SearchState> {
  const user = await requirePermission("submission:triage:unit");
  const query = String(form.get("query") ?? "").slice(0, 100);
  const found = await findPeopleByWorkingName(user, query);
  return {
    searched: true,
    query,
    people: found.map((p) => ({ id: p.id, workingName: p.workingName, selfDescription: p.selfDescription })),
  };
}
