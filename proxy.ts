// Sends signed-out visitors to the sign-in page, remembering where they were going. This
// is a convenience, not the security boundary: every page, action and route handler
// checks the session itself.
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
export const RETURN_PATH_HEADER = "x-liaison-path";

// No page here takes a long query string; a very long one made the framework's internal
// request stall instead of answering.
const MAX_QUERY_LENGTH = 2048;

function refuse(status: number, message: string): NextResponse {
  return new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest) {
  if (request.nextUrl.search.length > MAX_QUERY_LENGTH) return refuse(414, "This address is too long.");
  if (!decodes(request.nextUrl.pathname)) return refuse(400, "This address is not valid.");
  // Only the path: a query string can carry what someone searched for, and must not travel
  // into the sign-in page's address or a header.
  const path = request.nextUrl.pathname;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  // Only page loads are sent to sign in. A form post (a server action) goes through: the
  // action checks the session itself and answers in a way the page can show without losing
  // what was typed, which a redirect here would throw away.
  if (!hasSession && (request.method === "GET" || request.method === "HEAD")) {
    const login = new URL("/login", request.url);
    if (request.nextUrl.pathname !== "/") login.searchParams.set("next", path);
    return NextResponse.redirect(login);
  }
  // A session that has lapsed is found out on the page itself, which uses this to return
  // the user to where they were after they sign in again.
  const headers = new Headers(request.headers);
  headers.set(RETURN_PATH_HEADER, path);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Everything except sign-in, Auth.js itself, the health check and static assets.
  matcher: [
    "/((?!login|api/auth|api/health|_next/static|_next/image|favicon.ico|robots.txt|.well-known/).*)",
  ],
};
