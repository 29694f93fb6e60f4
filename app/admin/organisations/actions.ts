"use server";

// Public endpoints: the lib functions check organisation:manage:all, validate, and audit.
import { notFound } from "next/navigation";
import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/forms/safe-action";
import { formToObject, typedValues } from "@/lib/forms";
import { createOrganisation } from "@/lib/organisations/create-organisation";
import { renameOrganisation } from "@/lib/organisations/rename-organisation";
import { deactivateOrganisation, reactivateOrganisation } from "@/lib/organisations/set-organisation-active";
import type { AdminActionState } from "../_components/action-state";
import { can } from "@/lib/authz/scope";

type Answer =
  | { status: "done" }
  | { status: "not-found" }
  | { status: "invalid"; values: object; fieldErrors: object; formError?: string };

function invalid(result: Extract<Answer, { status: "invalid" }>): AdminActionState {
  return {
    status: "invalid",
    values: result.values as Record<string, string>,
    fieldErrors: result.fieldErrors as Record<string, string>,
    ...(result.formError ? { formError: result.formError } : {}),
  };
}

function answer(result: Answer, notice: string, noticeValues?: Record<string, number>): AdminActionState {
  if (result.status === "not-found") notFound();
  if (result.status === "invalid") return invalid(result);
  return { status: "done", values: {}, fieldErrors: {}, notice, ...(noticeValues ? { noticeValues } : {}) };
}

export async function createOrganisationAction(
  _previous: AdminActionState,
  form: FormData,
): Promise<AdminActionState> {
  const raw = formToObject(form, []);
  return safeAction("Adding an organisation", typedValues(raw), async (admin) => {
    if (!can(admin, "organisation:manage:all")) notFound();
    const result = await createOrganisation(admin, raw);
    if (result.status === "done") revalidatePath("/admin/organisations");
    return answer(result, "admin.organisations.added");
  });
}

export async function renameOrganisationAction(
  organisationId: string,
  _previous: AdminActionState,
  form: FormData,
): Promise<AdminActionState> {
  const raw = formToObject(form, []);
  return safeAction("Renaming an organisation", typedValues(raw), async (admin) => {
    if (!can(admin, "organisation:manage:all")) notFound();
    const result = await renameOrganisation(admin, String(organisationId), raw);
    if (result.status === "done") revalidatePath(`/admin/organisations/${organisationId}`);
    return answer(result, "admin.organisations.renamed");
  });
}

export async function deactivateOrganisationAction(
  organisationId: string,
  _previous: AdminActionState,
): Promise<AdminActionState> {
  return safeAction("Deactivating an organisation", {}, async (admin) => {
    if (!can(admin, "organisation:manage:all")) notFound();
    const result = await deactivateOrganisation(admin, String(organisationId));
    if (result.status !== "done") return answer(result, "");
    revalidatePath(`/admin/organisations/${organisationId}`);
    return answer(result, "admin.organisations.deactivated_notice", { count: result.usersDisabled });
  });
}

export async function reactivateOrganisationAction(
  organisationId: string,
  _previous: AdminActionState,
): Promise<AdminActionState> {
  return safeAction("Reactivating an organisation", {}, async (admin) => {
    if (!can(admin, "organisation:manage:all")) notFound();
    const result = await reactivateOrganisation(admin, String(organisationId));
    if (result.status === "done") revalidatePath(`/admin/organisations/${organisationId}`);
    return answer(result, "admin.organisations.reactivated");
  });
}
