"use server";

import { redirect } from "next/navigation";
import { requireUser, getCurrentUser } from "@/lib/auth/session-user";
import { startDraft, saveStep, discardDraft, savePersonSearch } from "@/lib/intake/drafts";
import { submitDraft } from "@/lib/intake/submit";
import {
  readStepForm,
  stepAfter,
  stepBySlug,
  STEP_SLUGS,
  type RawValues,
  type StepSlug,
} from "@/lib/intake/questions";

export type StepFormState = {
  values: RawValues;
  fieldErrors: Record<string, string>;
  status: "idle" | "invalid";
};

function stepSlug(value: string): StepSlug | null {
  return (STEP_SLUGS as string[]).includes(value) ? (value as StepSlug) : null;
}

export async function startIntakeAction(): Promise<void> {
  const user = await requireUser();
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
  const user = await requireUser();
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
  const user = await requireUser();
  const valid = stepSlug(slug);
  const step = valid ? stepBySlug(valid) : undefined;
  if (!valid || !step) redirect("/reports/drafts");
  const values = readStepForm(step, form);
  const result = await saveStep(user, draftId, valid, values);
  if (result.status === "not-found") redirect("/reports/drafts");
  if (result.status === "invalid") return { values, fieldErrors: result.fieldErrors, status: "invalid" };
  const next = returnTo === "check" ? "check" : stepAfter(valid);
  redirect(`/reports/new/${draftId}/${next}`);
}

export type AutosaveResult =
  { status: "saved"; at: string } | { status: "signed-out" } | { status: "not-found" };

// Called every few seconds while the officer types. A lapsed session is reported, not
// redirected, so the page can say so without throwing away the form.
export async function autosaveStepAction(
  draftId: string,
  slug: string,
  values: unknown,
): Promise<AutosaveResult> {
  const user = await getCurrentUser();
  if (!user) return { status: "signed-out" };
  const valid = stepSlug(slug);
  if (!valid) return { status: "not-found" };
  const result = await saveStep(user, draftId, valid, values, { validate: false });
  return result.status === "not-found" ? result : { status: "saved", at: new Date().toISOString() };
}

export type SubmitState = { errors: { step: StepSlug; field: string; message: string }[] };

export async function submitIntakeAction(draftId: string, _prev: SubmitState): Promise<SubmitState> {
  const user = await requireUser();
  const result = await submitDraft(user, draftId);
  if (result.status === "not-found") redirect("/reports/drafts");
  if (result.status === "invalid") {
    const errors = Object.entries(result.errors).flatMap(([step, fields]) =>
      Object.entries(fields ?? {}).map(([field, message]) => ({ step: step as StepSlug, field, message })),
    );
    return { errors };
  }
  redirect(`/reports/new/submitted/${result.reportId}`);
}

export async function discardDraftAction(draftId: string): Promise<void> {
  const user = await requireUser();
  await discardDraft(user, draftId);
  redirect("/reports/drafts?discarded=1");
}
