// The first administrator of an installation. Accounts are made by administrators (at
// /admin), so a new deployment without the demo data or single sign-on has nobody who could
// make the first one. The operator who deploys Liaison runs `npm run admin:first` once (a
// one-off job of the image, like migrations), which calls this: it adds the police force if
// it is not there yet, an administrator account in it with no password, and that account's
// one-time set-up link, where the person chooses a password and enrols a second factor.
//
// It refuses whenever the installation already has a way in, so it cannot be used to add
// a second administrator behind the first one's back:
// - an active administrator who can sign in (a password and a confirmed second factor, or
//   single sign-on) exists: they add accounts at /admin;
// - an active administrator is still waiting to set up their account: only a new link for
//   that same address is issued (the earlier one stops working), so a lost or expired link
//   can be replaced without making a second account.
// Disabled administrators, and those in a deactivated organisation, do not count: with no
// active administrator left, this is also how an installation gets one again.
//
// Everything happens in one transaction under the administrators' lock (admin-guard.ts), so
// two runs at once make one account. The audit events have no actor: the command is run by
// whoever operates the servers, outside any account.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { organisationRenameSchema, userCreateSchema } from "./schema";
import { ACTIVE_ADMINISTRATOR, administratorsWhoCanSignIn, lockAdministrators } from "./admin-guard";
import { writeSetupToken } from "./setup-links";

export const FIRST_ADMINISTRATOR_FIELDS = ["organisation", "name", "email"] as const;
type Field = (typeof FIRST_ADMINISTRATOR_FIELDS)[number];

const inputSchema = z.strictObject({
  organisation: organisationRenameSchema.shape.name,
  name: userCreateSchema.shape.name,
  email: userCreateSchema.shape.email,
});

export type FirstAdministratorResult =
  | {
      status: "created" | "new-link";
      userId: string;
      email: string;
      organisationId: string;
      organisationCreated: boolean;
      setupUrl: string;
      expiresAt: Date;
    }
  // Message keys under admin.errors, per field.
  | { status: "invalid"; fieldErrors: Partial<Record<Field, string>> }
  | { status: "administrator-exists" }
  | { status: "set-up-pending"; email: string }
  | { status: "email-taken" }
  | { status: "organisation-not-a-force" };

export async function createFirstAdministrator(
  raw: Record<string, unknown>,
  now = new Date(),
): Promise<FirstAdministratorResult> {
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<Field, string>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === "string" && (FIRST_ADMINISTRATOR_FIELDS as readonly string[]).includes(field))
        fieldErrors[field as Field] ??= issue.message;
    }
    return { status: "invalid", fieldErrors };
  }
  const input = parsed.data;

  return db().$transaction(async (tx): Promise<FirstAdministratorResult> => {
    await lockAdministrators(tx);
    const canSignIn = await administratorsWhoCanSignIn(tx);
    if (canSignIn > 0) return { status: "administrator-exists" };

    const pending = await tx.user.findFirst({
      where: ACTIVE_ADMINISTRATOR,
      select: { id: true, email: true, organisationId: true },
      orderBy: { createdAt: "asc" },
    });
    if (pending) {
      if (pending.email !== input.email) return { status: "set-up-pending", email: pending.email };
      const link = await writeSetupToken(tx, null, pending.id, now);
      return {
        status: "new-link",
        userId: pending.id,
        email: pending.email,
        organisationId: pending.organisationId,
        organisationCreated: false,
        setupUrl: link.url,
        expiresAt: link.expiresAt,
      };
    }

    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } }))
      return { status: "email-taken" };

    const named = await tx.organisation.findUnique({
      where: { name: input.organisation },
      select: { id: true, kind: true, deactivatedAt: true },
    });
    if (named && (named.kind !== "POLICE_FORCE" || named.deactivatedAt))
      return { status: "organisation-not-a-force" };
    const force =
      named ??
      (await tx.organisation.create({
        data: { name: input.organisation, kind: "POLICE_FORCE", createdAt: now },
        select: { id: true },
      }));
    if (!named)
      await recordAudit(tx, {
        actor: null,
        action: "organisation.create",
        recordType: "organisation",
        recordId: force.id,
        outcome: "SUCCESS",
      });

    const user = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        role: "ADMIN",
        organisationId: force.id,
        passwordHash: null,
        createdAt: now,
      },
      select: { id: true, email: true },
    });
    await recordAudit(tx, {
      actor: null,
      action: "account.first-administrator",
      recordType: "user",
      recordId: user.id,
      outcome: "SUCCESS",
    });
    const link = await writeSetupToken(tx, null, user.id, now);
    return {
      status: "created",
      userId: user.id,
      email: user.email,
      organisationId: force.id,
      organisationCreated: !named,
      setupUrl: link.url,
      expiresAt: link.expiresAt,
    };
  });
}
