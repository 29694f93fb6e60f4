"use server";

import { notFound, redirect } from "next/navigation";
import { requirePermission, getCurrentUser } from "@/lib/auth/session-user";
import { startDraft, saveStep, discardDraft, savePersonSearch } from "@/lib/intake/drafts";
import { submitDraft } from "@/lib/intake/submit";
import { safeAction } from "@/lib/forms/safe-action";
import {
  readStepForm,
  stepAfter,
  stepBySlug,
  STEP_SLUGS,
  type RawValues,
  type StepSlug,
} from "@/lib/intake/questions";
import { can } from "@/lib/authz/scope";

// "failed": the save did not reach the database; "signed-out": the session ended. Either way
// the form comes back with everything typed, and nothing is lost by trying again.
export type StepFormState = {
  values: RawValues;
  fieldErrors: Record<string, string>;
  status: "idle" | "invalid" | "failed" | "signed-out";
  formError?: string;
  kept?: string;
  restored?: boolean;
};

function stepSlug(value: string): StepSlug | null {
  return (STEP_SLUGS as string[]).includes(value) ? (value as StepSlug) : null;
}

export async function startIntakeAction(): Promise<void> {
  const user = await requirePermission("report:create:unit");
  const draftId = await startDraft(user);
  if (!draftId) redirect("/");
  redirect(`/reports/new/${draftId}/person`);
}

// Searching for someone already known: a POST, and the words are kept in the draft, so a
// working name never lands in the address bar, the history or an access log.
export async function searchPersonAction(
  draftId: string,
  returnTo: "check" | null,
  form: FormData,
): Promise<void> {
  const user = await requirePermission("report:create:unit");
  const saved = await savePersonSearch(user, String(draftId), form.get("q"));
  if (!saved) redirect("/reports/drafts");
  redirect(`/reports/new/${draftId}/person${returnTo === "check" ? "?return=check" : ""}`);
}

// "Continue": save what was typed, then move on if it is valid. Invalid answers are saved
// too, so leaving the page never loses them.
export async function saveStepAction(
  draftId: string,
  slug: string,
  returnTo: "check" | null,
  _prev: StepFormState,
  form: FormData,
): Promise<StepFormState> {
  const valid = stepSlug(slug);
  const step = valid ? stepBySlug(valid) : undefined;
  if (!valid || !step) redirect("/reports/drafts");
  const values = readStepForm(step, form);
  // A lapsed session does not send the officer away from what they typed: the page says
  // so, and keeps it for when they have signed in again (lib/forms/safe-action.ts).
  return safeAction<StepFormState>("Saving an intake step", values, async (user) => {
    if (!can(user, "report:create:unit")) notFound();
    const result = await saveStep(user, draftId, valid, values);
    if (result.status === "not-found") redirect("/reports/drafts");
    if (result.status === "invalid") return { values, fieldErrors: result.fieldErrors, status: "invalid" };
    const next = returnTo === "check" ? "check" : stepAfter(valid);
    redirect(`/reports/new/${draftId}/${next}`);
  });
}

export type AutosaveResult =
  { status: "saved"; at: string } | { status: "signed-out" } | { status: "not-found" } | { status: "failed" };

// Called every few seconds while the officer types. A lapsed session is reported, not
// redirected, so the page can say so without throwing away the form.
export async function autosaveStepAction(
  draftId: string,
  slug: string,
  values: unknown,
): Promise<AutosaveResult> {
  const valid = stepSlug(slug);
  if (!valid) return { status: "not-found" };
  try {
    const user = await getCurrentUser();
    if (!user) return { status: "signed-out" };
    if (!can(user, "report:create:unit")) return { status: "not-found" };
    const result = await saveStep(user, draftId, valid, values, { validate: false });
    return result.status === "not-found" ? result : { status: "saved", at: new Date().toISOString() };
  } catch (error) {
    console.error("Autosaving an intake step failed", error instanceof Error ? error.name : typeof error);
    return { status: "failed" };
  }
}

// `errors`: the answers to fix, by step. A failure to reach the database or a lapsed
// session comes back as `status` and `formError` (lib/forms/safe-action.ts): the draft is
// untouched, so submitting again is safe.
export type SubmitState = {
  status: "idle" | "invalid" | "failed" | "signed-out";
  values: Record<string, never>;
  fieldErrors: Record<string, never>;
  errors?: { step: StepSlug; field: string; message: string }[];
  formError?: string;
  kept?: string;
  restored?: boolean;
};

export async function submitIntakeAction(draftId: string, _prev: SubmitState): Promise<SubmitState> {
  return safeAction<SubmitState>("Submitting a report", {}, async (user) => {
    const result = await submitDraft(user, draftId);
    if (result.status === "not-found") redirect("/reports/drafts");
    if (result.status === "invalid") {
      const errors = Object.entries(result.errors).flatMap(([step, fields]) =>
        Object.entries(fields ?? {}).map(([field, message]) => ({ step: step as StepSlug, field, message })),
      );
      return { status: "invalid", values: {}, fieldErrors: {}, errors };
    }
    redirect(`/reports/new/submitted/${result.reportId}`);
  });
}

export async function discardDraftAction(draftId: string): Promise<void> {
  const user = await requirePermission("draft:manage:own");
  await discardDraft(user, draftId);
  redirect("/reports/drafts?discarded=1");
}
