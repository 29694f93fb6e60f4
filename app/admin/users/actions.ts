"use server";

// Every action here is a public endpoint: the lib functions it calls check the permission
// (user:manage:all), validate with zod, scope and audit on their own. These only turn the
// answers into form state and refresh the page.
import { notFound } from "next/navigation";
import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/forms/safe-action";
import { formToObject, submittedForm, typedValues } from "@/lib/forms";
import { createUser } from "@/lib/accounts/create-user";
import { changeRole } from "@/lib/accounts/change-role";
import { disableUser, enableUser } from "@/lib/accounts/set-user-disabled";
import { issueSetupLink } from "@/lib/accounts/setup-links";
import { AccountRefusal } from "@/lib/accounts/errors";
import { resetSecondFactor } from "@/lib/auth/second-factor";
import { endAllSessionsForUser, endSession } from "@/lib/auth/sessions";
import { roleHas } from "@/lib/authz/permissions";
import { isUuid } from "@/lib/ids";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { AdminResult } from "@/lib/accounts/result";
import type { AdminActionState } from "../_components/action-state";

function answer<V>(
  result: AdminResult<V, object>,
  done: Omit<AdminActionState, "status" | "fieldErrors">,
): AdminActionState {
  if (result.status === "not-found") notFound();
  if (result.status === "invalid")
    return {
      status: "invalid",
      values: (result.values ?? {}) as Record<string, string>,
      fieldErrors: result.fieldErrors as Record<string, string>,
      ...(result.formError ? { formError: result.formError } : {}),
    };
  return { status: "done", fieldErrors: {}, ...done };
}

function refresh(userId: string) {
  revalidatePath(`/admin/users/${userId}`);
}

export async function createUserAction(
  _previous: AdminActionState,
  form: FormData,
): Promise<AdminActionState> {
  const raw = formToObject(form, []);
  return safeAction("Creating a user", typedValues(raw), async (admin) => {
    const result = await createUser(admin, raw);
    if (result.status !== "done") return answer(result, { values: {} });
    return {
      status: "done",
      values: {},
      fieldErrors: {},
      notice: "admin.newUser.created",
      noticeValues: { name: typeof raw.name === "string" ? raw.name.trim() : "" },
      link: { url: result.setupUrl, expiresAt: result.expiresAt.toISOString() },
    };
  });
}

export async function changeRoleAction(
  userId: string,
  _previous: AdminActionState,
  form: FormData,
): Promise<AdminActionState> {
  const raw = formToObject(form, []);
  return safeAction("Changing a role", typedValues(raw), async (admin) => {
    const result = await changeRole(admin, String(userId), raw);
    if (result.status === "done") refresh(userId);
    return answer(result, { values: {}, notice: "admin.user.roleChanged" });
  });
}

// Disabling and enabling differ only in the change made and the notice shown.
function switchUser(userId: string, what: string, change: typeof disableUser, notice: string) {
  return safeAction(what, {}, async (admin) => {
    const result = await change(admin, String(userId));
    if (result.status === "done") refresh(userId);
    return answer(result, { values: {}, notice });
  });
}

export async function disableUserAction(
  userId: string,
  _previous: AdminActionState,
): Promise<AdminActionState> {
  return switchUser(userId, "Disabling a user", disableUser, "admin.user.disabledNotice");
}

export async function enableUserAction(
  userId: string,
  _previous: AdminActionState,
): Promise<AdminActionState> {
  return switchUser(userId, "Enabling a user", enableUser, "admin.user.enabledNotice");
}

// The set-up link functions throw their refusals (their signatures are shared with the
// set-up page); here they become "not found" or a message.
async function withRefusals(run: () => Promise<AdminActionState>): Promise<AdminActionState> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AccountRefusal)) throw error;
    if (error.reason === "disabled")
      return { status: "invalid", values: {}, fieldErrors: {}, formError: "admin.errors.userDisabled" };
    notFound();
  }
}

export async function issueSetupLinkAction(
  userId: string,
  _previous: AdminActionState,
): Promise<AdminActionState> {
  return safeAction("Issuing a set-up link", {}, (admin) =>
    withRefusals(async () => {
      const link = await issueSetupLink(admin, String(userId));
      refresh(userId);
      return {
        status: "done",
        values: {},
        fieldErrors: {},
        notice: "admin.setupLink.issued",
        link: { url: link.url, expiresAt: link.expiresAt.toISOString() },
      };
    }),
  );
}

// A user who lost their authenticator app and recovery codes: the factor goes, their
// sessions end, and a new set-up link lets them enrol again.
export async function resetSecondFactorAction(
  userId: string,
  _previous: AdminActionState,
): Promise<AdminActionState> {
  return safeAction("Resetting a second factor", {}, (admin) =>
    withRefusals(async () => {
      await resetSecondFactor(admin, String(userId));
      const link = await issueSetupLink(admin, String(userId));
      refresh(userId);
      return {
        status: "done",
        values: {},
        fieldErrors: {},
        notice: "admin.user.resetDone",
        link: { url: link.url, expiresAt: link.expiresAt.toISOString() },
      };
    }),
  );
}

function mayManage(admin: CurrentUser): boolean {
  return roleHas(admin.role, "user:manage:all");
}

export async function endSessionAction(
  userId: string,
  _previous: AdminActionState,
  submitted: unknown,
): Promise<AdminActionState> {
  const form = submittedForm(submitted);
  const sessionId = form.get("sessionId");
  return safeAction("Ending a session", {}, async (admin) => {
    if (!mayManage(admin) || typeof sessionId !== "string" || !isUuid(sessionId)) notFound();
    await endSession(admin, sessionId);
    refresh(userId);
    return { status: "done", values: {}, fieldErrors: {}, notice: "admin.user.sessionEnded" };
  });
}

export async function endAllSessionsAction(
  userId: string,
  _previous: AdminActionState,
): Promise<AdminActionState> {
  return safeAction("Ending all sessions", {}, async (admin) => {
    if (!mayManage(admin)) notFound();
    const count = await endAllSessionsForUser(admin, String(userId), "administrator");
    if (count === null) notFound();
    refresh(userId);
    return {
      status: "done",
      values: {},
      fieldErrors: {},
      notice: "admin.user.allEnded",
      noticeValues: { count },
    };
  });
}
