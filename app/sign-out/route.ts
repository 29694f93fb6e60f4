// POST /sign-out: the header's sign-out button posts here (a plain form, so it works without
// script). Ends the session row, deletes the cookie and tells the browser to drop whatever it
// kept for the site (cache, storage, cookies) before it shows the sign-in page. A server
// action cannot set that header, which is why this is a route handler. proxy.ts has already
// refused a post from another origin.
import { signOut } from "@/lib/auth/next-auth";
import { endCurrentSession } from "@/lib/auth/sign-out";
import { CLEAR_SITE_DATA } from "@/lib/http/clear-site-data";

export async function POST() {
  await endCurrentSession();
  await signOut({ redirect: false });
  return new Response(null, {
    status: 303,
    headers: {
      Location: "/login?signedOut=1",
      "Clear-Site-Data": CLEAR_SITE_DATA,
      "Cache-Control": "no-store",
    },
  });
}
