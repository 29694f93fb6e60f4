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
import { db, type Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { DEMO_EMAIL_DOMAIN, isDemoMode } from "@/lib/auth/demo-mode";
import { oidcConfig } from "@/lib/auth/oidc-config";
import { isUniqueViolation } from "@/lib/organisations/unique";
import { organisationRenameSchema, userCreateSchema } from "./schema";
import {
  ACTIVE_ADMINISTRATOR,
  administratorsWhoCanSignIn,
  lockAdministrators,
  type SignInSettings,
} from "./admin-guard";
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
      organisationName: string;
      organisationCreated: boolean;
      setupUrl: string;
      expiresAt: Date;
    }
  // Message keys under admin.errors, per field.
  | { status: "invalid"; fieldErrors: Partial<Record<Field, string>> }
  | Refusal;

type Refusal =
  | { status: "administrator-exists" }
  | { status: "set-up-pending"; email: string }
  | { status: "email-taken" }
  | { status: "organisation-not-a-force" }
  | { status: "changed-meanwhile" };

// How sign-in is configured now: demo accounts and single sign-on count only where they work.
export function signInSettings(): SignInSettings {
  let oidcIssuer: string | null = null;
  try {
    oidcIssuer = oidcConfig()?.issuer ?? null;
  } catch {
    // A configuration single sign-on refuses to run with lets nobody in that way.
  }
  return { demo: isDemoMode(), oidcIssuer };
}

const audit = (
  tx: Tx,
  action: string,
  outcome: "SUCCESS" | "DENIED",
  record?: { type: string; id: string },
) =>
  recordAudit(tx, {
    actor: null,
    action,
    ...(record ? { recordType: record.type, recordId: record.id } : {}),
    outcome,
  });

export async function createFirstAdministrator(
  raw: Record<string, unknown>,
  now = new Date(),
  settings: SignInSettings = signInSettings(),
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

  try {
    return await db().$transaction(async (tx): Promise<FirstAdministratorResult> => {
      const refuse = async (refusal: Refusal) => {
        await audit(tx, "account.first-administrator", "DENIED");
        return refusal;
      };
      // The account's set-up link, written in this transaction, and what the caller is told.
      const withLink = async (
        status: "created" | "new-link",
        user: { id: string; email: string },
        organisation: { id: string; name: string },
        organisationCreated: boolean,
      ): Promise<FirstAdministratorResult> => {
        const link = await writeSetupToken(tx, null, user.id, now);
        return {
          status,
          userId: user.id,
          email: user.email,
          organisationId: organisation.id,
          organisationName: organisation.name,
          organisationCreated,
          setupUrl: link.url,
          expiresAt: link.expiresAt,
        };
      };
      await lockAdministrators(tx);
      if ((await administratorsWhoCanSignIn(tx, settings)) > 0)
        return refuse({ status: "administrator-exists" });

      // Waiting to set up: any other active administrator, except a demo account outside demo
      // mode, which can never sign in (lib/auth/demo-mode.ts) and so is nobody's way in.
      const pending = await tx.user.findFirst({
        where: {
          ...ACTIVE_ADMINISTRATOR,
          ...(settings.demo ? {} : { NOT: { email: { endsWith: DEMO_EMAIL_DOMAIN } } }),
        },
        select: { id: true, email: true, organisation: { select: { id: true, name: true } } },
        orderBy: { createdAt: "asc" },
      });
      if (pending) {
        if (pending.email !== input.email) return refuse({ status: "set-up-pending", email: pending.email });
        // Redeeming a link does not take the administrators' lock: lock the account's row and
        // ask again, so a set-up finished a moment ago is not undone by a new link.
        await tx.$queryRaw`SELECT 1 FROM "User" WHERE id = ${pending.id}::uuid FOR UPDATE`;
        if ((await administratorsWhoCanSignIn(tx, settings)) > 0)
          return refuse({ status: "administrator-exists" });
        // A new link starts the set-up again from the password: a password chosen through an
        // earlier link (perhaps forgotten since) and an authenticator never confirmed go.
        await tx.user.update({
          where: { id: pending.id },
          data: { passwordHash: null, totpSecretEnc: null, totpEnrolledAt: null, totpLastStep: null },
        });
        await audit(tx, "account.first-administrator.new-link", "SUCCESS", { type: "user", id: pending.id });
        return withLink("new-link", pending, pending.organisation, false);
      }

      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } }))
        return refuse({ status: "email-taken" });

      // The force's own name, however its capitals were typed (names are unique as written).
      const named = await tx.organisation.findFirst({
        where: { name: { equals: input.organisation, mode: "insensitive" } },
        select: { id: true, name: true, kind: true, deactivatedAt: true },
      });
      if (named && (named.kind !== "POLICE_FORCE" || named.deactivatedAt))
        return refuse({ status: "organisation-not-a-force" });
      const force =
        named ??
        (await tx.organisation.create({
          data: { name: input.organisation, kind: "POLICE_FORCE", createdAt: now },
          select: { id: true, name: true },
        }));
      if (!named) await audit(tx, "organisation.create", "SUCCESS", { type: "organisation", id: force.id });

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
      await audit(tx, "account.first-administrator", "SUCCESS", { type: "user", id: user.id });
      return withLink("created", user, force, !named);
    });
  } catch (error) {
    // The same address or name added at this moment some other way (the administration
    // pages, a first single sign-on): told as a refusal, nothing written.
    if (isUniqueViolation(error)) {
      await db().$transaction((tx) => audit(tx, "account.first-administrator", "DENIED"));
      return { status: "changed-meanwhile" };
    }
    throw error;
  }
}
