"use server";

import { notFound, redirect } from "next/navigation";
import { getFormatter } from "next-intl/server";
import { updateReport } from "@/lib/reports/update-report";
import type { FormState } from "@/lib/forms";
import { formToObject } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import { can } from "@/lib/authz/scope";

export type ReportEditValues = {
  version: string;
  narrative: string;
  area: string;
  incidentTypes: string;
  personWants: string;
  relationship: string;
};

// The version someone else saved, shown beside the officer's own changes.
export type ConflictView = {
  // When it was saved, already formatted for display.
  savedAt: string;
  narrative: string;
  area: string;
  incidentTypes: string[];
  personWants: string;
  relationship: string;
};

export type ReportEditState = FormState<ReportEditValues> & { conflict?: ConflictView };

const ECHO_LIMIT = 25_000;

function echo(raw: Record<string, unknown>): Partial<ReportEditValues> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    values[key] = (Array.isArray(value) ? value.join(",") : String(value)).slice(0, ECHO_LIMIT);
  }
  return values as Partial<ReportEditValues>;
}

export async function updateReportAction(
  reportId: string,
  _prev: ReportEditState,
  form: FormData,
): Promise<ReportEditState> {
  const raw = formToObject(form, ["incidentTypes"]);
  const values = echo(raw);
  return safeAction<ReportEditState>("Saving a report", values, async (user) => {
    if (!can(user, "report:update:unit")) notFound();
    const result = await updateReport(user, reportId, raw);
    if (!result) notFound();
    if (result.status === "saved") redirect(`/reports/${reportId}?saved=1`);
    if (result.status === "invalid") return { status: "invalid", values, fieldErrors: result.fieldErrors };
    const { current } = result;
    const format = await getFormatter();
    return {
      status: "failed",
      // The officer's text stays in the form; saving again applies it over the version now saved.
      values: { ...values, version: String(current.version) },
      fieldErrors: {},
      formError: "reportEdit.conflictTitle",
      conflict: {
        savedAt: format.dateTime(current.updatedAt, "dateTime"),
        narrative: current.narrative ?? "",
        area: current.area ?? "",
        incidentTypes: current.incidentTypes,
        personWants: current.personWants,
        relationship: current.relationship,
      },
    };
  });
}
