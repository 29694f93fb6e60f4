"use server";

import { notFound, redirect } from "next/navigation";
import { ensurePermission } from "@/lib/auth/session-user";
import type { ButtonState } from "@/components/form/action-button";
import { reauthUrl } from "@/lib/auth/recent-auth";
import { can } from "@/lib/authz/scope";
import { decideRestriction, overrideRestriction, reviewOverride } from "@/lib/reports/restriction-decisions";
import { formToObject } from "@/lib/forms";
import { isUuid } from "@/lib/ids";
import { safeAction } from "@/lib/forms/safe-action";
import type { ReasonState } from "./reason-form";

// Echoed values are capped so a hostile submit cannot make the page enormous.
function echo(raw: Record<string, unknown>): ReasonState["values"] {
  return { reason: typeof raw.reason === "string" ? raw.reason.slice(0, 5000) : "" };
}

// Each action is a public endpoint: the lib function checks the permission, scopes the
// report to the user's unit, validates, and audits success and refusal on its own.
export async function decideRestrictionAction(
  reportId: string,
  restrict: boolean,
  _prev: ReasonState,
  form: FormData,
): Promise<ReasonState> {
  const raw = formToObject(form, []);
  return safeAction<ReasonState>("Restricting a case", echo(raw), async (user) => {
    if (!can(user, "report:restrict:unit") || !isUuid(reportId)) notFound();
    const result = await decideRestriction(user, reportId, restrict === true, raw);
    if (!result || result.status === "reauth") notFound();
    if (result.status === "invalid")
      return {
        status: "invalid",
        values: echo(raw),
        fieldErrors: result.fieldErrors,
        formError: result.formError,
      };
    redirect(`/reports/${reportId}`);
  });
}

export async function overrideRestrictionAction(
  reportId: string,
  _prev: ReasonState,
  form: FormData,
): Promise<ReasonState> {
  const raw = formToObject(form, []);
  return safeAction<ReasonState>("Opening a restricted case", echo(raw), async (user) => {
    // The id is checked before anything is built from it (the re-authentication address).
    if (!can(user, "report:read:unit") || !isUuid(reportId)) notFound();
    const result = await overrideRestriction(user, reportId, raw);
    if (!result) notFound();
    // The five minutes ran out while they wrote: check again, then come back to the form.
    if (result.status === "reauth") redirect(reauthUrl(`/reports/${reportId}/override`));
    if (result.status === "invalid")
      return {
        status: "invalid",
        values: echo(raw),
        fieldErrors: result.fieldErrors,
        formError: result.formError,
      };
    redirect(`/reports/${reportId}`);
  });
}

// The supervisor's "mark reviewed" button: nothing typed; the wrapper answers a failure
// beside it.
export async function reviewOverrideAction(
  overrideId: string,
  _prev: ButtonState,
  _form: FormData,
): Promise<ButtonState> {
  return safeAction<ButtonState>("Marking an override reviewed", {}, async (user) => {
    await ensurePermission(user, "report:restrict:unit");
    const result = await reviewOverride(user, String(overrideId));
    if (!result) notFound();
    redirect("/");
  });
}
