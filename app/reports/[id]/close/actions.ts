"use server";

import { notFound, redirect } from "next/navigation";
import { closeReport, reopenReport } from "@/lib/outcomes/close-report";
import { formToObject } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import type { LifecycleState, LifecycleValues } from "./lifecycle-form";
import { can } from "@/lib/authz/scope";

// Echoed values are capped so a hostile submit cannot make the page enormous.
function echo(raw: Record<string, unknown>): Partial<LifecycleValues> {
  const text = (key: keyof LifecycleValues) =>
    typeof raw[key] === "string" ? (raw[key] as string).slice(0, 5000) : "";
  return { closeReason: text("closeReason"), notes: text("notes") };
}

// Each action is a public endpoint: the lib function authenticates the role, scopes the
// report to the user's unit, validates and audits on its own.
export async function closeReportAction(
  reportId: string,
  _prev: LifecycleState,
  form: FormData,
): Promise<LifecycleState> {
  const raw = formToObject(form, []);
  return safeAction<LifecycleState>("Closing a report", echo(raw), async (user) => {
    if (!can(user, "report:close:unit")) notFound();
    const result = await closeReport(user, reportId, raw);
    if (!result) notFound();
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

export async function reopenReportAction(
  reportId: string,
  _prev: LifecycleState,
  form: FormData,
): Promise<LifecycleState> {
  const raw = formToObject(form, []);
  return safeAction<LifecycleState>("Reopening a report", echo(raw), async (user) => {
    if (!can(user, "report:close:unit")) notFound();
    const result = await reopenReport(user, reportId, raw);
    if (!result) notFound();
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
