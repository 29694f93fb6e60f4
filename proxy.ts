// Sends signed-out visitors to the sign-in page, remembering where they were going. This
// is a convenience, not the security boundary: every page, action and route handler
// checks the session itself.
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
export const RETURN_PATH_HEADER = "x-liaison-path";

export function proxy(request: NextRequest) {
  // Only the path: a query string can carry what someone searched for, and must not travel
  // into the sign-in page's address or a header.
  const path = request.nextUrl.pathname;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession) {
    const login = new URL("/login", request.url);
    if (request.method === "GET" && request.nextUrl.pathname !== "/") login.searchParams.set("next", path);
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
