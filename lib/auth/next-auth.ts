// Auth.js wiring. The token it signs carries only our session id; who the user is, and
// whether the session is still valid, is looked up in the database on every request.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { attemptSignIn, signInSchema } from "./sign-in";
import { recordSessionClient, signOutSession } from "./sessions";
import { clientAddressFrom } from "./client-address";
import { oidcConfig } from "./oidc-config";
import { OIDC_PROVIDER_ID, oidcProvider, oidcSignInCallback } from "./oidc";
import {
  browserSessionOnly,
  SESSION_COOKIE,
  SESSION_COOKIE_OPTIONS,
  sessionIdFromCookieHeader,
} from "./session-cookie";

declare module "next-auth" {
  interface Session {
    sessionId?: string;
  }
}

class InvalidCredentials extends CredentialsSignin {
  override code = "invalid";
}

// Says how long to wait; the sign-in page tells the person.
export class TooManyAttempts extends CredentialsSignin {
  override code = "too-many-attempts";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

class Busy extends CredentialsSignin {
  override code = "busy";
}

// The site's own address, pinned: Auth.js then builds every URL and redirect on it and
// never on a Host or X-Forwarded-Host header. Plain HTTP only on loopback, where browsers
// still keep the Secure session cookie (lib/auth/session-cookie.ts).
export function pinnedSiteUrl(): URL {
  const value = env().AUTH_URL;
  if (!value)
    throw new Error("AUTH_URL must be set to the site's own address, e.g. https://liaison.example.police.uk");
  const url = new URL(value);
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !loopback) throw new Error("AUTH_URL must be an https:// address");
  return url;
}

class NoSecondFactor extends CredentialsSignin {
  override code = "no-second-factor";
}

const nextAuth = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  // Auth.js refuses requests unless the host is "trusted"; with AUTH_URL pinned (checked
  // here) it takes the host from AUTH_URL alone, so forwarded headers cannot steer it.
  trustHost: Boolean(pinnedSiteUrl()),
  useSecureCookies: true,
  cookies: { sessionToken: { name: SESSION_COOKIE, options: SESSION_COOKIE_OPTIONS } },
  session: { strategy: "jwt", maxAge: env().SESSION_MAX_HOURS * 3600 },
  pages: { signIn: "/login", error: "/login" },
  // A wrong password is an expected outcome (audited, not logged). Other errors are logged
  // by kind only: Auth.js messages can carry what the user typed.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(`[auth] ${error.name}`);
    },
    warn(code) {
      console.warn(`[auth] ${code}`);
    },
    debug() {},
  },
  providers: [
    Credentials({
      // `code`: the second factor, a TOTP code or a one-time recovery code.
      credentials: { email: {}, password: {}, code: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse({
          email: credentials.email,
          password: credentials.password,
          code: credentials.code,
        });
        if (!parsed.success) throw new InvalidCredentials();
        const client = {
          address: clientAddressFrom(request.headers, env().TRUSTED_PROXY_HOPS),
          userAgent: request.headers.get("user-agent") ?? "",
        };
        const result = await attemptSignIn(
          parsed.data.email,
          parsed.data.password,
          parsed.data.code,
          new Date(),
          client,
        );
        if (!result.ok)
          throw result.reason === "too-many-attempts"
            ? new TooManyAttempts(result.retryAfterSeconds)
            : result.reason === "busy"
              ? new Busy()
              : result.reason === "no-second-factor"
                ? new NoSecondFactor()
                : new InvalidCredentials();
        await recordSessionClient(result.sessionId, client);
        // A sign-in from a browser that still holds a session ends that session: one browser,
        // one session, and a session id planted before sign-in is worthless after it.
        const earlier = await sessionIdFromCookieHeader(request.headers.get("cookie"), env().AUTH_SECRET);
        if (earlier && earlier !== result.sessionId) await signOutSession(earlier, new Date(), "replaced");
        return { id: result.sessionId };
      },
    }),
    // Single sign-on with the force's identity provider, when configured (lib/auth/oidc.ts).
    ...(oidcConfig() ? [oidcProvider(oidcConfig()!)] : []),
  ],
  // However the sign-out arrives (our button or Auth.js's own /api/auth/signout), the session
  // row ends with it, so a copied cookie stops working at once.
  events: {
    async signOut(message) {
      const sessionId = "token" in message ? message.token?.sub : undefined;
      if (sessionId) await signOutSession(sessionId);
    },
  },
  callbacks: {
    // Single sign-on: Liaison decides (groups, disabled, audit) and makes the session row;
    // the rest of the sign-in then goes as for a password (client recorded, old session ended).
    async signIn(params) {
      const config = oidcConfig();
      if (params.account?.provider !== OIDC_PROVIDER_ID) return true;
      if (!config) return false;
      const outcome = await oidcSignInCallback(config, params);
      const sessionId = params.user.id;
      if (outcome === true && sessionId) {
        const request = await headers();
        await recordSessionClient(sessionId, {
          address: clientAddressFrom(request, env().TRUSTED_PROXY_HOPS),
          userAgent: request.get("user-agent") ?? "",
        });
        const earlier = await sessionIdFromCookieHeader(request.get("cookie"), env().AUTH_SECRET);
        if (earlier && earlier !== sessionId) await signOutSession(earlier, new Date(), "replaced");
      }
      return outcome;
    },
    session({ session, token }) {
      return { expires: session.expires, sessionId: token.sub };
    },
  },
}));

export const { auth, signOut } = nextAuth;

// Auth.js's own routes, with the session cookie made to end with the browser.
export const handlers = {
  GET: async (request: Parameters<typeof nextAuth.handlers.GET>[0]) =>
    browserSessionOnly(await nextAuth.handlers.GET(request)),
  POST: async (request: Parameters<typeof nextAuth.handlers.POST>[0]) =>
    browserSessionOnly(await nextAuth.handlers.POST(request)),
};

// Signs in from a server action and goes to `redirectTo`. Auth.js gives the session cookie
// an expiry date; it is set again here without one, so it ends with the browser.
export async function signIn(provider: string, options: Record<string, string> & { redirectTo: string }) {
  const url = await nextAuth.signIn(provider, { ...options, redirect: false });
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) jar.set(SESSION_COOKIE, token, SESSION_COOKIE_OPTIONS);
  redirect(url);
}
