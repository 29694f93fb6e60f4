// What proxy.ts answers for a page load while the database is unreachable: the app's own
// page (app/database-unavailable, in the normal layout) with status 503 and Retry-After.
// A rewrite, not a redirect, so the address bar keeps the page asked for and a reload
// retries it. API routes, form posts and the health check are not page loads: they answer
// for themselves (a form action hands back what was typed, lib/forms/safe-action.ts).
import { NextResponse, type NextRequest } from "next/server";

export const OUTAGE_PATH = "/database-unavailable";

export function isPageLoad(request: NextRequest): boolean {
  return isPageLoadOf(request.method, request.nextUrl.pathname);
}

// The same question from a method and a path (lib/db/outage-status.ts has no NextRequest).
export function isPageLoadOf(method: string | undefined, path: string): boolean {
  return (method === "GET" || method === "HEAD") && !path.startsWith("/api/") && !path.startsWith("/_next/");
}

function requestHeaders(request: NextRequest, csp: string): Headers {
  const headers = new Headers(request.headers);
  // Next.js takes the nonce for its own scripts from the request's copy of the policy.
  headers.set("Content-Security-Policy", csp);
  return headers;
}

export function databaseUnavailable(request: NextRequest, csp: string): NextResponse {
  const response = NextResponse.rewrite(new URL(OUTAGE_PATH, request.url), {
    status: 503,
    request: { headers: requestHeaders(request, csp) },
  });
  response.headers.set("Retry-After", "60");
  return response;
}

// The rewritten request comes back through the proxy for OUTAGE_PATH; the status set on this
// second pass is the one sent, so it must say 503 again.
export function outagePage(request: NextRequest, csp: string): NextResponse {
  const response = NextResponse.next({ status: 503, request: { headers: requestHeaders(request, csp) } });
  response.headers.set("Retry-After", "60");
  return response;
}
