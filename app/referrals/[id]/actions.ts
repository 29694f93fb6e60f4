"use server";

import { notFound, redirect } from "next/navigation";
import { formToObject, typedValues, type FormState } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import {
  acceptReferral,
  acknowledgeErasure,
  addAgencyUpdate,
  closeReferral,
  declineReferral,
  type RespondResult,
} from "@/lib/referrals/respond";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/authz/scope";

type State = FormState<Record<string, string>>;
type Answer = (user: CurrentUser, id: string, raw: Record<string, unknown>) => Promise<RespondResult>;

// Every answer is a public endpoint: the lib function finds the referral by id and the
// partner's own agency, so another agency's id is "not found" whatever the page showed.
async function answer(kind: string, run: Answer, referralId: string, form: FormData): Promise<State> {
  const raw = formToObject(form, []);
  return safeAction<State>("Answering a referral", typedValues(raw), async (user) => {
    if (!can(user, "referral:respond:agency")) notFound();
    const result = await run(user, String(referralId), raw);
    if (result.status === "not-found") notFound();
    if (result.status === "invalid")
      return {
        status: "invalid",
        values: result.values as Record<string, string>,
        fieldErrors: result.fieldErrors as Record<string, string>,
        formError: result.formError,
      };
    redirect(`/referrals/${referralId}?done=${kind}`);
  });
}

export async function acceptAction(referralId: string, _previous: State, form: FormData): Promise<State> {
  return answer("accepted", (user, id) => acceptReferral(user, id), referralId, form);
}

export async function declineAction(referralId: string, _previous: State, form: FormData): Promise<State> {
  return answer("declined", declineReferral, referralId, form);
}

export async function closeAction(referralId: string, _previous: State, form: FormData): Promise<State> {
  return answer("closed", closeReferral, referralId, form);
}

export async function updateAction(referralId: string, _previous: State, form: FormData): Promise<State> {
  return answer("update", addAgencyUpdate, referralId, form);
}

export async function acknowledgeAction(
  referralId: string,
  _previous: State,
  form: FormData,
): Promise<State> {
  return answer("erased", (user, id) => acknowledgeErasure(user, id), referralId, form);
}
