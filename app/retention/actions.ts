"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { ensurePermission } from "@/lib/auth/session-user";
import type { ButtonState } from "@/components/form/action-button";
import { reauthUrl } from "@/lib/auth/recent-auth";
import { can } from "@/lib/authz/scope";
import { formToObject } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import { erasePerson, RetentionRefused } from "@/lib/retention/erase";
import { retainPerson } from "@/lib/retention/queue";
import type { RetainState } from "./retain-form";

const personIdSchema = z.uuid();

function echo(raw: Record<string, unknown>): RetainState["values"] {
  const text = (v: unknown, max: number) => (typeof v === "string" ? v.slice(0, max) : "");
  return { reason: text(raw.reason, 5000), reviewOn: text(raw.reviewOn, 20) };
}

// The form's own checks, as message keys; retainPerson validates again and scopes the person.
const retainForm = z.object({
  reason: z.string().trim().min(10, "retention.reasonTooShort").max(2000, "retention.reasonTooLong"),
  reviewOn: z.iso.date("retention.reviewOnInvalid"),
});

export async function retainAction(
  personId: string,
  _prev: RetainState,
  form: FormData,
): Promise<RetainState> {
  const raw = formToObject(form, []);
  return safeAction<RetainState>("Retaining a record", echo(raw), async (user) => {
    if (!can(user, "retention:review:unit")) notFound();
    const id = personIdSchema.safeParse(personId);
    if (!id.success) notFound();
    const parsed = retainForm.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: RetainState["fieldErrors"] = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if ((key === "reason" || key === "reviewOn") && !fieldErrors[key]) fieldErrors[key] = issue.message;
      }
      return { status: "invalid", values: echo(raw), fieldErrors };
    }
    const reviewOn = new Date(`${parsed.data.reviewOn}T00:00:00Z`);
    if (reviewOn <= new Date())
      return { status: "invalid", values: echo(raw), fieldErrors: { reviewOn: "retention.reviewOnPast" } };
    try {
      await retainPerson(user, { personId: id.data, reason: parsed.data.reason, reviewOn });
    } catch (error) {
      if (error instanceof RetentionRefused) notFound();
      throw error;
    }
    redirect("/retention?done=retained");
  });
}

// The confirmed erasure: nothing typed, so a button, whose failures the wrapper answers beside
// it. The lib function checks the permission, the unit and the five-minute re-authentication
// again, and audits.
export async function eraseAction(
  personId: string,
  _prev: ButtonState,
  _form: FormData,
): Promise<ButtonState> {
  return safeAction<ButtonState>("Erasing a record", {}, async (user) => {
    await ensurePermission(user, "retention:review:unit");
    const id = personIdSchema.safeParse(personId);
    if (!id.success) notFound();
    try {
      await erasePerson(user, id.data);
    } catch (error) {
      if (error instanceof RetentionRefused) {
        if (error.reason === "reauth") redirect(reauthUrl(`/retention/${id.data}/erase`));
        notFound();
      }
      throw error;
    }
    redirect("/retention?done=erased");
  });
}
