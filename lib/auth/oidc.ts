// Single sign-on with the force's identity provider over OpenID Connect
// (docs/decisions/021-single-sign-on.md). Auth.js checks the ID token (signature, issuer,
// audience, expiry, nonce, with PKCE and state on the way); this module decides who the
// person is in Liaison. The role and organisation come from the IdP's groups at every
// sign-in, so a change in the IdP takes effect at the next one. Success makes the same
// database session row as a password sign-in. The IdP is responsible for the second factor.
import { createHmac } from "node:crypto";
import type { OIDCConfig } from "next-auth/providers";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record-audit";
import { roleAllowedIn } from "@/lib/accounts/roles";
import { isUniqueViolation } from "@/lib/organisations/unique";
import type { Role } from "@/lib/generated/prisma/enums";
import type { OidcConfig } from "./oidc-config";
import { createSession } from "./sessions";

export const OIDC_PROVIDER_ID = "oidc";

// The claims we read from a verified ID token.
export type OidcClaims = {
  iss?: unknown;
  sub?: unknown;
  oid?: unknown;
  email?: unknown;
  preferred_username?: unknown;
  name?: unknown;
  groups?: unknown;
  amr?: unknown;
};

export type OidcRefusal = "invalid" | "no-mfa" | "no-role" | "no-organisation" | "disabled" | "email-taken";
export type OidcSignInResult =
  { ok: true; sessionId: string; userId: string } | { ok: false; reason: OidcRefusal };

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);
const strings = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Role by precedence: the first role in OIDC_ROLE_GROUPS with a group the person is in.
export function roleFromGroups(config: OidcConfig, groups: string[]): Role | null {
  const mine = new Set(groups);
  return config.roleGroups.find((entry) => entry.groups.some((g) => mine.has(g)))?.role ?? null;
}

// Exactly one organisation, or none: groups naming two organisations are refused rather
// than guessed between.
export function organisationFromGroups(config: OidcConfig, groups: string[]): string | null {
  const found = new Set(groups.flatMap((g) => config.groupOrganisations.get(g) ?? []));
  return found.size === 1 ? [...found][0]! : null;
}

function subjectKeyFor(issuer: string, subject: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`oidc:${issuer}|${subject}`).digest("hex");
}

export async function completeOidcSignIn(
  claims: OidcClaims,
  config: OidcConfig,
  now = new Date(),
): Promise<OidcSignInResult> {
  const issuer = text(claims.iss);
  // Entra ID's `oid` is the person's id across every application in the tenant; `sub` is
  // also stable but differs per application. Other IdPs: `sub`.
  const subject = text(claims.oid) ?? text(claims.sub);
  if (!issuer || !subject) return { ok: false, reason: "invalid" };
  const subjectKey = subjectKeyFor(issuer, subject);
  const linked = await db().user.findUnique({
    where: { oidcIssuer_oidcSubject: { oidcIssuer: issuer, oidcSubject: subject } },
    select: { id: true, role: true, organisationId: true, name: true, disabledAt: true },
  });
  const refuse = async (reason: OidcRefusal, outcome: "DENIED" | "FAILURE" = "DENIED") => {
    await recordAudit(db(), {
      actor: linked ? { id: linked.id, role: linked.role } : null,
      action: "auth.sign-in",
      outcome,
      recordType: `sso:${reason}`,
      subjectKey,
    });
    return { ok: false as const, reason };
  };

  // The IdP says how the person signed in, when it says: a token without the required
  // method (normally "mfa") is refused. Without `amr`, the IdP's own policy is relied on.
  const amr = claims.amr === undefined ? null : strings(claims.amr);
  if (config.requiredAmr && amr && !amr.includes(config.requiredAmr)) return refuse("no-mfa");

  const groups = strings(claims.groups);
  const role = roleFromGroups(config, groups);
  if (!role) return refuse("no-role");
  const organisationId = organisationFromGroups(config, groups);
  const organisation = organisationId
    ? await db().organisation.findFirst({
        where: { id: organisationId, deactivatedAt: null },
        select: { id: true, kind: true },
      })
    : null;
  if (!organisation || !roleAllowedIn(organisation.kind, role)) return refuse("no-organisation");

  let userId: string;
  if (linked) {
    if (linked.disabledAt) return refuse("disabled");
    userId = linked.id;
    // A changed role or organisation ends the person's other sessions (database trigger).
    if (linked.role !== role || linked.organisationId !== organisation.id) {
      await db().user.update({ where: { id: linked.id }, data: { role, organisationId: organisation.id } });
      await recordAudit(db(), {
        actor: { id: linked.id, role },
        action: "user.sso-update",
        recordType: "user",
        recordId: linked.id,
        outcome: "SUCCESS",
      });
    }
  } else {
    // First sign-in: the account is made here (just in time). It is never joined to an
    // existing account by email: an email claim does not prove who owns that account.
    const email = [text(claims.email), text(claims.preferred_username)]
      .map((v) => v?.toLowerCase())
      .find((v) => v && v.length <= 254 && EMAIL.test(v));
    if (!email) return refuse("invalid", "FAILURE");
    const name = (text(claims.name) ?? email).slice(0, 200);
    try {
      const created = await db().user.create({
        data: {
          email,
          name,
          role,
          organisationId: organisation.id,
          passwordHash: null,
          oidcIssuer: issuer,
          oidcSubject: subject,
        },
        select: { id: true },
      });
      userId = created.id;
    } catch (error) {
      if (isUniqueViolation(error)) return refuse("email-taken");
      throw error;
    }
    await recordAudit(db(), {
      actor: { id: userId, role },
      action: "user.sso-create",
      recordType: "user",
      recordId: userId,
      outcome: "SUCCESS",
    });
  }

  const sessionId = await createSession(userId, now);
  await recordAudit(db(), {
    actor: { id: userId, role, sessionId },
    action: "auth.sign-in",
    outcome: "SUCCESS",
    recordType: "session",
    recordId: sessionId,
    subjectKey,
  });
  return { ok: true, sessionId, userId };
}

// The Auth.js provider. Only the Liaison decision above turns a verified token into a
// session; `profile` just carries the claims through.
export function oidcProvider(config: OidcConfig): OIDCConfig<Record<string, unknown>> {
  return {
    id: OIDC_PROVIDER_ID,
    name: config.name,
    type: "oidc",
    issuer: config.issuer,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: "openid profile email" } },
    profile(claims) {
      return {
        id: String(claims.oid ?? claims.sub ?? ""),
        name: typeof claims.name === "string" ? claims.name : null,
      };
    },
  };
}

// Auth.js's signIn callback for this provider: true with `user.id` set to the new session
// id (Auth.js puts it in the signed cookie, as for a password sign-in), or the sign-in page
// with the reason.
export async function oidcSignInCallback(
  config: OidcConfig,
  params: { user: { id?: string }; account?: { provider: string } | null; profile?: OidcClaims },
  now = new Date(),
): Promise<true | string> {
  if (params.account?.provider !== OIDC_PROVIDER_ID || !params.profile) return "/login?sso=invalid";
  const result = await completeOidcSignIn(params.profile, config, now);
  if (!result.ok) return `/login?sso=${result.reason}`;
  params.user.id = result.sessionId;
  return true;
}
