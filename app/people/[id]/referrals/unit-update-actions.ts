"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { formToObject, typedValues } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import { addUnitUpdate } from "@/lib/referrals/add-unit-update";
import type { UnitUpdateState } from "@/components/referrals/unit-update-form";
import { can } from "@/lib/authz/scope";

// A public endpoint like any server action: the lib function checks the permission, finds
// the referral in the officer's own unit and validates the text, whatever the page showed.
export async function unitUpdateAction(
  referralId: string,
  _previous: UnitUpdateState,
  form: FormData,
): Promise<UnitUpdateState> {
  const raw = formToObject(form, []);
  return safeAction<UnitUpdateState>("Adding a unit update", typedValues(raw), async (user) => {
    if (!can(user, "referral:create:unit")) notFound();
    const result = await addUnitUpdate(user, String(referralId), raw);
    if (result.status === "not-found") notFound();
    if (result.status === "invalid") return { ...result, status: "invalid" };
    // The update shows on the person's page and the case, wherever the officer sent it from.
    revalidatePath("/people/[id]", "page");
    revalidatePath("/reports/[id]", "page");
    return { status: "idle", values: {}, fieldErrors: {}, sent: true };
  });
}
