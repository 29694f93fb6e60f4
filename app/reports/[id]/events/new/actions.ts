"use server";

import { notFound, redirect } from "next/navigation";
import { recordCaseEvent } from "@/lib/outcomes/record-case-event";
import type { CaseEventValues } from "@/lib/outcomes/schema";
import type { FormState } from "@/lib/forms";
import { formToObject } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import { can } from "@/lib/authz/scope";

export type CaseEventState = FormState<CaseEventValues>;

const LIST_FIELDS = ["withdrawalReasons"] as const;
// Echoed values are capped so a hostile submit cannot make the page enormous.
const ECHO_LIMIT = 5000;

function echo(raw: Record<string, unknown>): Partial<CaseEventValues> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    values[key] = (Array.isArray(value) ? value.join(",") : String(value)).slice(0, ECHO_LIMIT);
  }
  return values as Partial<CaseEventValues>;
}

export async function recordCaseEventAction(
  reportId: string,
  _prev: CaseEventState,
  form: FormData,
): Promise<CaseEventState> {
  const raw = formToObject(form, LIST_FIELDS);
  return safeAction<CaseEventState>("Recording a case event", echo(raw), async (user) => {
    if (!can(user, "outcome:record:unit")) notFound();
    const result = await recordCaseEvent(user, reportId, raw);
    if (!result) notFound();
    if (result.status === "invalid") {
      const { occurredOn, crimeRecordedOn, ...rest } = result.fieldErrors;
      // A date's error belongs to its first box, which the error summary links to.
      const fieldErrors = {
        ...rest,
        ...(occurredOn ? { occurredOnDay: occurredOn } : {}),
        ...(crimeRecordedOn ? { crimeRecordedOnDay: crimeRecordedOn } : {}),
      };
      return { status: "invalid", values: echo(raw), fieldErrors };
    }
    redirect(`/reports/${reportId}?recorded=1${result.closed ? "&closed=1" : ""}`);
  });
}
