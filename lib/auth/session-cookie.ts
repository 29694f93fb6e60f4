// The session cookie (docs/decisions/013-sign-in-throttling-and-session-cookie.md).
//
// - `__Host-` prefix: the browser accepts it only with Secure, Path=/ and no Domain, so
//   no other host (a sibling subdomain, say) can set or overwrite it.
// - Secure everywhere. Browsers treat http://localhost and http://127.0.0.1 as secure
//   contexts and keep Secure cookies there, so the local demo and the end-to-end tests
//   work over plain HTTP on loopback; anywhere else the site must be served over HTTPS.
// - HttpOnly: no script can read it.
// - SameSite=Lax: a link to a case from force e-mail or Teams opens the case in the
//   officer's current session (Strict would send them to sign in, and signing in ends
//   their earlier session). Every change is a POST server action, which Lax never sends
//   cross-site, and Next.js checks the action's Origin as well.
// - No Expires or Max-Age: the cookie ends with the browser. The server-side limits (idle
//   and absolute, lib/auth/sessions.ts) apply however long the browser stays open.
import { decode } from "next-auth/jwt";

// proxy.ts looks for this name to tell a visitor who may be signed in from one who is not.
export const SESSION_COOKIE = "__Host-authjs.session-token";

export const SESSION_COOKIE_OPTIONS = {
  httpOnly: true,
  secure: true,
  sameSite: "lax",
  path: "/",
} as const;

// Auth.js gives its session cookie an expiry date; this takes it off (a cookie being
// cleared, with an empty value, keeps its date in the past so the browser drops it).
export function withoutLifetime(setCookie: string): string {
  const [pair = "", ...attributes] = setCookie.split(";");
  if (!isSessionCookie(pair) || pair.slice(pair.indexOf("=") + 1).trim() === "") return setCookie;
  return [pair, ...attributes.filter((a) => !/^\s*(expires|max-age)\s*=/i.test(a))].join(";");
}

function isSessionCookie(pair: string): boolean {
  const name = pair.slice(0, pair.indexOf("=")).trim();
  // Auth.js splits a large token into `name.0`, `name.1`…
  return name === SESSION_COOKIE || name.startsWith(`${SESSION_COOKIE}.`);
}

// Removes the lifetime from every session cookie a route handler's response sets.
export function browserSessionOnly(response: Response): Response {
  const cookies = response.headers.getSetCookie();
  if (!cookies.some((c) => isSessionCookie(c.split(";")[0] ?? ""))) return response;
  const headers = new Headers(response.headers);
  headers.delete("set-cookie");
  for (const cookie of cookies) headers.append("set-cookie", withoutLifetime(cookie));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

// The session id in a request's session cookie, if the cookie is genuine.
export async function sessionIdFromCookieHeader(
  cookieHeader: string | null,
  secret: string,
): Promise<string | null> {
  if (!cookieHeader) return null;
  const token = cookieHeader
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${SESSION_COOKIE}=`))
    ?.slice(SESSION_COOKIE.length + 1);
  if (!token) return null;
  try {
    const payload = await decode({ token: decodeURIComponent(token), secret, salt: SESSION_COOKIE });
    return typeof payload?.sub === "string" ? payload.sub : null;
  } catch {
    return null;
  }
}
