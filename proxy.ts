// The front door every request passes: it sets the per-request Content-Security-Policy,
// refuses what no page here accepts (long query strings, bodies over the limit, undecodable
// paths, state-changing requests from another origin or none) and sends signed-out visitors
// to the sign-in page, remembering where they were going. Redirecting is a convenience, not
// the security boundary: every page, action and route handler checks the session itself.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";
import { MAX_BODY_BYTES, MAX_QUERY_LENGTH } from "@/lib/http/limits";
import { allowedOrigins, isAllowedOrigin } from "@/lib/http/same-origin";
import { env } from "@/lib/env";
import { CLEAR_SITE_DATA } from "@/lib/http/clear-site-data";
import { databaseReachable } from "@/lib/db/liveness";
import { databaseUnavailable, isPageLoad, OUTAGE_PATH, outagePage } from "@/lib/db/outage-response";

const SESSION_COOKIES = [
  "authjs.session-token",
  "__Secure-authjs.session-token",
  "__Host-authjs.session-token",
];
export const RETURN_PATH_HEADER = "x-liaison-path";

// Pages a signed-out visitor may open: signing in, setting up an account, Auth.js, health,
// and the page shown while the database is down.
const PUBLIC_PREFIXES = ["/login", "/setup/", "/api/auth/", "/api/health", OUTAGE_PATH];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function isPublic(path: string): boolean {
  return PUBLIC_PREFIXES.some((p) => path === p.replace(/\/$/, "") || path.startsWith(p));
}

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function secured(response: NextResponse, csp: string): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  // Everything here is either behind sign-in or a form for it: nothing is worth caching.
  response.headers.set("Cache-Control", "no-store");
  return response;
}

function refuse(status: number, message: string, csp: string): NextResponse {
  const response = new NextResponse(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
  return secured(response, csp);
}

export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const path = request.nextUrl.pathname;

  if (request.nextUrl.search.length > MAX_QUERY_LENGTH) return refuse(414, "This address is too long.", csp);
  if (!decodes(path)) return refuse(400, "This address is not valid.", csp);

  if (!SAFE_METHODS.has(request.method)) {
    // Server actions and form posts: only from this site's own pages. A post with no Origin
    // at all is refused too (every browser in use sends one on a post).
    const allowed = allowedOrigins(env().AUTH_URL, request.headers.get("host"));
    if (!isAllowedOrigin(request.headers.get("origin"), allowed))
      return refuse(403, "This request did not come from this site.", csp);
    const length = Number(request.headers.get("content-length") ?? "0");
    if (!Number.isFinite(length) || length > MAX_BODY_BYTES)
      return refuse(413, "This request is too large. Shorten what you entered and try again.", csp);
  }

  // During a database outage every page load answers 503 with Liaison's own page. Next.js
  // sends the rewritten request back through here: the outage page itself is served as it
  // is (no sign-in redirect, no second probe), keeping the 503.
  if (isPageLoad(request) && path === OUTAGE_PATH) return secured(outagePage(request, csp), csp);
  if (isPageLoad(request) && !(await databaseReachable()))
    return secured(databaseUnavailable(request, csp), csp);

  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  // Only page loads are sent to sign in. A form post (a server action) goes through: the
  // action checks the session itself and answers in a way the page can show without losing
  // what was typed, which a redirect here would throw away.
  if (!hasSession && SAFE_METHODS.has(request.method) && !isPublic(path)) {
    // Only the path: a query string can carry what someone searched for, and must not
    // travel into the sign-in page's address.
    const login = new URL("/login", request.url);
    if (path !== "/") login.searchParams.set("next", path);
    return secured(NextResponse.redirect(login), csp);
  }

  const headers = new Headers(request.headers);
  // Next.js takes the nonce for its own scripts from the request's copy of the policy.
  headers.set("Content-Security-Policy", csp);
  // A session that has lapsed is found out on the page itself, which uses this to return
  // the user to where they were after they sign in again.
  headers.set(RETURN_PATH_HEADER, path);
  const response = secured(NextResponse.next({ request: { headers } }), csp);
  // Auth.js's own sign-out route ends the session as our /sign-out does (lib/auth/next-auth.ts).
  if (path === "/api/auth/signout" && request.method === "POST")
    response.headers.set("Clear-Site-Data", CLEAR_SITE_DATA);
  return response;
}

export const config = {
  // Everything but the build's static files and the public folder's fixed files.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon|apple-icon|robots.txt|.well-known/).*)"],
};
