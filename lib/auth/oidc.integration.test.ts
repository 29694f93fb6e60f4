import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Auth } from "@auth/core";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { makeOrganisation, makeUser } from "@/tests/support/factories";
import { startOidcProvider, type TestOidcProvider } from "@/tests/support/oidc-provider";
import { completeOidcSignIn, oidcProvider, oidcSignInCallback, type OidcClaims } from "./oidc";
import { oidcConfigFrom, type OidcConfig } from "./oidc-config";
import { endAllSessionsForUser, resolveSession } from "./sessions";
import { SESSION_COOKIE, SESSION_COOKIE_OPTIONS, sessionIdFromCookieHeader } from "./session-cookie";

const ISSUER = "https://login.example.test/tenant/v2.0";
let unit: { id: string };
let otherUnit: { id: string };
let agency: { id: string };
let config: OidcConfig;

beforeAll(async () => {
  unit = await makeOrganisation("LIAISON_UNIT");
  otherUnit = await makeOrganisation("LIAISON_UNIT");
  agency = await makeOrganisation("PARTNER_AGENCY");
  config = oidcConfigFrom({
    OIDC_ISSUER: ISSUER,
    OIDC_CLIENT_ID: "liaison",
    OIDC_CLIENT_SECRET: "s3cret",
    OIDC_ROLE_GROUPS: "ADMIN=g-admin;SUPERVISOR=g-sup;LIAISON_OFFICER=g-officer",
    OIDC_GROUP_ORGANISATIONS: `g-unit=${unit.id};g-other=${otherUnit.id};g-agency=${agency.id}`,
  })!;
});

let n = 0;
const person = (over: Partial<OidcClaims> = {}): OidcClaims => {
  n += 1;
  return {
    iss: ISSUER,
    sub: `sub-${n}-${Date.now()}`,
    email: `sso-${n}-${Date.now()}@force.example`,
    name: `SSO Person ${n}`,
    groups: ["g-officer", "g-unit"],
    ...over,
  };
};
const signInEvents = (subjectKeyOf?: string) =>
  db().auditEvent.findMany({
    where: { action: "auth.sign-in", ...(subjectKeyOf ? { subjectKey: subjectKeyOf } : {}) },
    orderBy: { id: "asc" },
  });

describe("single sign-on: who the person is in Liaison", () => {
  it("makes the account at the first sign-in, with the mapped role and organisation, and a session row", async () => {
    const claims = person();
    const result = await completeOidcSignIn(claims, config);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const user = await db().user.findUniqueOrThrow({ where: { id: result.userId } });
    expect(user).toMatchObject({
      email: claims.email,
      role: "LIAISON_OFFICER",
      organisationId: unit.id,
      passwordHash: null,
      oidcIssuer: ISSUER,
      oidcSubject: claims.sub,
    });
    expect(await resolveSession(result.sessionId)).toMatchObject({ id: user.id, role: "LIAISON_OFFICER" });
    const success = await db().auditEvent.findFirst({
      where: { action: "auth.sign-in", recordId: result.sessionId, outcome: "SUCCESS" },
    });
    expect(success?.actorId).toBe(user.id);
    expect(await db().auditEvent.count({ where: { action: "user.sso-create", recordId: user.id } })).toBe(1);

    // The second sign-in finds the same account by issuer and subject, even with a new email.
    const again = await completeOidcSignIn({ ...claims, email: "renamed@force.example" }, config);
    expect(again.ok && again.userId).toBe(user.id);
  });

  it("takes the role from the groups each time: the first listed role wins, and a change ends older sessions", async () => {
    const claims = person({ groups: ["g-officer", "g-sup", "g-unit"] });
    const first = await completeOidcSignIn(claims, config);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect((await resolveSession(first.sessionId))?.role).toBe("SUPERVISOR");
    // Taken out of the supervisors' group in the IdP.
    const second = await completeOidcSignIn({ ...claims, groups: ["g-officer", "g-other"] }, config);
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(await resolveSession(second.sessionId)).toMatchObject({
      role: "LIAISON_OFFICER",
      unitId: otherUnit.id,
    });
    expect(await resolveSession(first.sessionId)).toBeNull();
    expect(
      await db().auditEvent.count({ where: { action: "user.sso-update", recordId: second.userId } }),
    ).toBe(1);
  });

  it("refuses someone with no mapped group, and audits it", async () => {
    const claims = person({ groups: ["g-unrelated", "g-unit"] });
    const before = await db().user.count();
    expect(await completeOidcSignIn(claims, config)).toEqual({ ok: false, reason: "no-role" });
    expect(await db().user.count()).toBe(before);
    const events = await signInEvents();
    expect(events.at(-1)).toMatchObject({ outcome: "DENIED", recordType: "sso:no-role", actorId: null });
    expect(events.at(-1)?.subjectKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses when the groups name no organisation, two organisations, or one the role does not fit", async () => {
    expect(await completeOidcSignIn(person({ groups: ["g-officer"] }), config)).toEqual({
      ok: false,
      reason: "no-organisation",
    });
    expect(await completeOidcSignIn(person({ groups: ["g-officer", "g-unit", "g-other"] }), config)).toEqual({
      ok: false,
      reason: "no-organisation",
    });
    expect(await completeOidcSignIn(person({ groups: ["g-officer", "g-agency"] }), config)).toEqual({
      ok: false,
      reason: "no-organisation",
    });
  });

  it("refuses a disabled account, and audits it against that account", async () => {
    const claims = person();
    const first = await completeOidcSignIn(claims, config);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    await db().user.update({ where: { id: first.userId }, data: { disabledAt: new Date() } });
    expect(await completeOidcSignIn(claims, config)).toEqual({ ok: false, reason: "disabled" });
    expect((await signInEvents()).at(-1)).toMatchObject({
      outcome: "DENIED",
      recordType: "sso:disabled",
      actorId: first.userId,
    });
  });

  it("never joins an existing password account by email", async () => {
    const existing = await makeUser("LIAISON_OFFICER", unit.id);
    expect(await completeOidcSignIn(person({ email: existing.email.toUpperCase() }), config)).toEqual({
      ok: false,
      reason: "email-taken",
    });
    const after = await db().user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(after.oidcSubject).toBeNull();
  });

  it("uses a pre-linked account (an administrator set its issuer and subject)", async () => {
    const existing = await makeUser("LIAISON_OFFICER", unit.id, {
      oidcIssuer: ISSUER,
      oidcSubject: "pre-linked",
    });
    const result = await completeOidcSignIn(
      person({ sub: "pre-linked", email: "other@force.example" }),
      config,
    );
    expect(result.ok && result.userId).toBe(existing.id);
  });

  it("uses Entra's oid over sub, and refuses a token whose amr lacks mfa", async () => {
    const claims = person({ sub: "pairwise-sub", oid: `oid-${Date.now()}` });
    const result = await completeOidcSignIn(claims, config);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((await db().user.findUniqueOrThrow({ where: { id: result.userId } })).oidcSubject).toBe(
      claims.oid,
    );
    expect(await completeOidcSignIn({ ...claims, amr: ["pwd"] }, config)).toEqual({
      ok: false,
      reason: "no-mfa",
    });
    expect((await completeOidcSignIn({ ...claims, amr: ["pwd", "mfa"] }, config)).ok).toBe(true);
  });

  it("a session made by single sign-on ends with 'end all sessions'", async () => {
    const result = await completeOidcSignIn(person(), config);
    if (!result.ok) throw new Error("expected a session");
    const actor = { id: result.userId, role: "LIAISON_OFFICER" as const, sessionId: result.sessionId };
    expect(await endAllSessionsForUser(actor, result.userId, "user")).toBe(1);
    expect(await resolveSession(result.sessionId)).toBeNull();
  });
});

// The whole round trip through Auth.js (PKCE, state, nonce, ID token signature) against a
// provider started here, with the same provider and callback the app uses.
describe("single sign-on through Auth.js and a real OIDC provider", () => {
  let provider: TestOidcProvider;
  let live: OidcConfig;
  const APP = "http://127.0.0.1:39213";
  beforeAll(async () => {
    provider = await startOidcProvider();
    live = oidcConfigFrom({
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_NAME: "Test Force",
      OIDC_ROLE_GROUPS: "SUPERVISOR=g-sup;LIAISON_OFFICER=g-officer",
      OIDC_GROUP_ORGANISATIONS: `g-unit=${unit.id}`,
    })!;
  });
  afterAll(() => provider?.close());

  const authConfig = () => ({
    secret: env().AUTH_SECRET,
    trustHost: true,
    basePath: "/api/auth",
    session: { strategy: "jwt" as const },
    cookies: { sessionToken: { name: SESSION_COOKIE, options: SESSION_COOKIE_OPTIONS } },
    providers: [oidcProvider(live)],
    callbacks: {
      signIn: (params: Parameters<typeof oidcSignInCallback>[1]) => oidcSignInCallback(live, params),
    },
    logger: { error() {}, warn() {}, debug() {} },
  });

  async function roundTrip(): Promise<{ location: string; cookies: Map<string, string> }> {
    const jar = new Map<string, string>();
    const keep = (response: Response) => {
      for (const c of response.headers.getSetCookie()) {
        const pair = c.split(";")[0]!;
        jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
      }
    };
    const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const csrf = await Auth(new Request(`${APP}/api/auth/csrf`), authConfig());
    keep(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const start = await Auth(
      new Request(`${APP}/api/auth/signin/oidc`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
        body: new URLSearchParams({ csrfToken, callbackUrl: `${APP}/` }),
      }),
      authConfig(),
    );
    keep(start);
    const authorize = new URL(start.headers.get("location")!);
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("nonce")).toBeTruthy();
    const approved = await fetch(authorize, { redirect: "manual" });
    const callback = approved.headers.get("location")!;
    expect(callback.startsWith(`${APP}/api/auth/callback/oidc?`)).toBe(true);
    const done = await Auth(new Request(callback, { headers: { cookie: cookieHeader() } }), authConfig());
    keep(done);
    return { location: done.headers.get("location") ?? "", cookies: jar };
  }

  it("signs a mapped person in: the signed cookie names a live session row for their account", async () => {
    const sub = `live-${Date.now()}`;
    provider.setIdentity({
      sub,
      email: `${sub}@force.example`,
      name: "Live Person",
      groups: ["g-officer", "g-unit"],
    });
    const { location, cookies } = await roundTrip();
    expect(location).toBe(`${APP}/`);
    const token = cookies.get(SESSION_COOKIE);
    expect(token).toBeTruthy();
    const sessionId = await sessionIdFromCookieHeader(`${SESSION_COOKIE}=${token}`, env().AUTH_SECRET);
    const current = await resolveSession(sessionId!);
    expect(current).toMatchObject({ role: "LIAISON_OFFICER", unitId: unit.id });
    const user = await db().user.findUniqueOrThrow({ where: { id: current!.id } });
    expect(user).toMatchObject({ oidcIssuer: provider.issuer, oidcSubject: sub });
    expect(provider.refusals).toEqual([]);
  });

  it("sends a person with no mapped group back to the sign-in page with the reason, and no session", async () => {
    provider.setIdentity({
      sub: `nogroup-${Date.now()}`,
      email: "nogroup@force.example",
      groups: ["g-unit"],
    });
    const { location, cookies } = await roundTrip();
    expect(new URL(location, APP).pathname).toBe("/login");
    expect(new URL(location, APP).searchParams.get("sso")).toBe("no-role");
    expect(cookies.get(SESSION_COOKIE) ?? "").toBe("");
  });
});

describe("the test provider itself", () => {
  it("refuses a code redeemed with the wrong PKCE verifier, and a code used twice", async () => {
    const provider = await startOidcProvider();
    try {
      provider.setIdentity({ sub: "pkce" });
      const authorize = new URL(`${provider.issuer}/authorize`);
      const redirectUri = "http://127.0.0.1:1/cb";
      const verifier = "a".repeat(43);
      const challenge = createHash("sha256").update(verifier).digest("base64url");
      for (const [k, v] of Object.entries({
        client_id: provider.clientId,
        redirect_uri: redirectUri,
        response_type: "code",
        code_challenge: challenge,
        code_challenge_method: "S256",
      }))
        authorize.searchParams.set(k, v);
      const redeem = async (codeVerifier: string) => {
        const response = await fetch(authorize, { redirect: "manual" });
        const code = new URL(response.headers.get("location")!).searchParams.get("code")!;
        const body = {
          grant_type: "authorization_code",
          code,
          redirect_uri: redirectUri,
          code_verifier: codeVerifier,
          client_id: provider.clientId,
          client_secret: provider.clientSecret,
        };
        const first = await fetch(`${provider.issuer}/token`, {
          method: "POST",
          body: new URLSearchParams(body),
        });
        const second = await fetch(`${provider.issuer}/token`, {
          method: "POST",
          body: new URLSearchParams(body),
        });
        return [first.status, second.status];
      };
      expect(await redeem("b".repeat(43))).toEqual([400, 400]);
      expect(await redeem(verifier)).toEqual([200, 400]);
      expect(provider.refusals).toEqual(["pkce", "code", "code"]);
    } finally {
      await provider.close();
    }
  });
});
