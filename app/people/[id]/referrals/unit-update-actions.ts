"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session-user";
import { formToObject, typedValues } from "@/lib/forms";
import { addUnitUpdate, type UnitUpdateResult } from "@/lib/referrals/add-unit-update";
import type { UnitUpdateState } from "@/components/referrals/unit-update-form";

// A public endpoint like any server action: the lib function checks the permission, finds
// the referral in the officer's own unit and validates the text, whatever the page showed.
export async function unitUpdateAction(
  referralId: string,
  _previous: UnitUpdateState,
  form: FormData,
): Promise<UnitUpdateState> {
  const user = await requireUser();
  const raw = formToObject(form, []);
  let result: UnitUpdateResult;
  try {
    result = await addUnitUpdate(user, String(referralId), raw);
  } catch (error) {
    console.error("Adding a unit update failed", error instanceof Error ? error.name : typeof error);
    return {
      status: "failed",
      values: typedValues(raw),
      fieldErrors: {},
      formError: "referralUpdates.errors.unexpected",
    };
  }
  if (result.status === "not-found") notFound();
  if (result.status === "invalid") return { ...result, status: "invalid" };
  // The update shows on the person's page and the case, wherever the officer sent it from.
  revalidatePath("/people/[id]", "page");
  revalidatePath("/reports/[id]", "page");
  return { status: "idle", values: {}, fieldErrors: {}, sent: true };
}
