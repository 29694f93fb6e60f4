"use server";

import { notFound, redirect } from "next/navigation";
import { startDraft, saveStep, discardDraft, savePersonSearch } from "@/lib/intake/drafts";
import { submitDraft } from "@/lib/intake/submit";
import { submittedForm } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import type { ButtonState } from "@/components/form/action-button";
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

// Start and discard are buttons with nothing typed: the wrapper still answers a failure with
// a message beside the button instead of an error page (components/form/action-button.tsx).
export async function startIntakeAction(_prev: ButtonState, _form: FormData): Promise<ButtonState> {
  return safeAction<ButtonState>("Starting a report", {}, async (user) => {
    if (!can(user, "report:create:unit")) notFound();
    const draftId = await startDraft(user);
    if (!draftId) redirect("/");
    redirect(`/reports/new/${draftId}/person`);
  });
}

// Searching for someone already known: a POST, and the words are kept in the draft, so a
// working name never lands in the address bar, the history or an access log. A plain form
// (no client code: the step page is at its JavaScript budget), so a failure cannot be shown
// beside the box: the step page is asked for again, which during an outage is Liaison's
// own 503 page and after a lapsed session the way to sign in again. The step's answers are
// not part of this form and are untouched.
export async function searchPersonAction(
  draftId: string,
  returnTo: "check" | null,
  submitted: unknown,
): Promise<void> {
  const form = submittedForm(submitted);
  const here = `/reports/new/${draftId}/person${returnTo === "check" ? "?return=check" : ""}`;
  await safeAction<ButtonState>("Searching for a person", {}, async (user) => {
    if (!can(user, "report:create:unit")) notFound();
    const saved = await savePersonSearch(user, String(draftId), form.get("q"));
    if (!saved) redirect("/reports/drafts");
    redirect(here);
  });
  redirect(here);
}

// "Continue": save what was typed, then move on if it is valid. Invalid answers are saved
// too, so leaving the page never loses them.
export async function saveStepAction(
  draftId: string,
  slug: string,
  returnTo: "check" | null,
  _prev: StepFormState,
  submitted: unknown,
): Promise<StepFormState> {
  const form = submittedForm(submitted);
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

// "saved" with the time; "failed" (the database, or anything else) and "signed-out" are
// told beside the form, which keeps trying every few seconds. What was typed stays in the
// form: nothing is echoed or sealed here (Continue does that).
export type AutosaveResult = (
  { status: "saved"; at: string } | { status: "idle" | "not-found" | "failed" | "signed-out" }
) & {
  values: Record<string, never>;
  fieldErrors: Record<string, never>;
  formError?: string;
  kept?: string;
};

// Called every few seconds while the officer types. A lapsed session is reported, not
// redirected, so the page can say so without throwing away the form.
export async function autosaveStepAction(
  draftId: string,
  slug: string,
  values: unknown,
): Promise<AutosaveResult> {
  const valid = stepSlug(slug);
  const none = { values: {}, fieldErrors: {} };
  return safeAction<AutosaveResult>("Autosaving an intake step", {}, async (user) => {
    if (!valid || !can(user, "report:create:unit")) return { status: "not-found", ...none };
    const result = await saveStep(user, draftId, valid, values, { validate: false });
    if (result.status === "not-found") return { status: "not-found", ...none };
    return { status: "saved", at: new Date().toISOString(), ...none };
  });
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

export async function discardDraftAction(
  draftId: string,
  _prev: ButtonState,
  _form: FormData,
): Promise<ButtonState> {
  return safeAction<ButtonState>("Discarding a draft", {}, async (user) => {
    if (!can(user, "draft:manage:own")) notFound();
    await discardDraft(user, draftId);
    redirect("/reports/drafts?discarded=1");
  });
}
