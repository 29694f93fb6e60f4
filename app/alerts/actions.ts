"use server";

import { notFound, redirect } from "next/navigation";
import { formToObject, typedValues, type FormState } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createAlert, updateAlert, type AlertResult } from "@/lib/alerts/draft-alert";
import { approveAlert, returnAlert, submitAlert, withdrawAlert } from "@/lib/alerts/review-alert";
import { ALERT_LIST_FIELDS } from "@/lib/alerts/schema";
import { can } from "@/lib/authz/scope";

type State = FormState<Record<string, string>>;
type Step = (user: CurrentUser, raw: Record<string, unknown>) => Promise<AlertResult>;

// Every step is a public endpoint: the lib function authorises, scopes to the user's unit
// and validates on its own, so another unit's alert is "not found" whatever the page showed.
// Only the draft form has lists; the other steps' strict schemas would refuse empty ones.
async function run(done: string, step: Step, form: FormData, lists: readonly string[] = []): Promise<State> {
  const raw = formToObject(form, lists);
  return safeAction<State>("A safety alert step", typedValues(raw), async (user) => {
    if (!can(user, "alert:draft:unit")) notFound();
    const result = await step(user, raw);
    if (result.status === "not-found") notFound();
    if (result.status === "invalid")
      return {
        status: "invalid",
        values: result.values as Record<string, string>,
        fieldErrors: result.fieldErrors as Record<string, string>,
        formError: result.formError,
      };
    redirect(`/alerts/${result.alertId}?done=${done}`);
  });
}

export async function createAlertAction(_previous: State, form: FormData): Promise<State> {
  return run("created", (user, raw) => createAlert(user, raw), form, ALERT_LIST_FIELDS);
}

export async function updateAlertAction(alertId: string, _previous: State, form: FormData): Promise<State> {
  return run("updated", (user, raw) => updateAlert(user, String(alertId), raw), form, ALERT_LIST_FIELDS);
}

export async function submitAlertAction(alertId: string, _previous: State, form: FormData): Promise<State> {
  return run("submitted", (user) => submitAlert(user, String(alertId)), form);
}

export async function approveAlertAction(alertId: string, _previous: State, form: FormData): Promise<State> {
  return run("approved", (user, raw) => approveAlert(user, String(alertId), raw), form);
}

export async function returnAlertAction(alertId: string, _previous: State, form: FormData): Promise<State> {
  return run("returned", (user, raw) => returnAlert(user, String(alertId), raw), form);
}

export async function withdrawAlertAction(alertId: string, _previous: State, form: FormData): Promise<State> {
  return run("withdrawn", (user, raw) => withdrawAlert(user, String(alertId), raw), form);
}
