// Requests a browser sends on its own behalf from a page of this site. A link or script on
// another site that makes the browser ask (and so carry the session cookie) is refused.

export type HeaderSource = { get(name: string): string | null };

// `Sec-Fetch-Site` is set by the browser and cannot be changed by a page. Requests that lack
// it (old browsers, scripts outside a browser) are refused too: exports are for people
// using the site.
export function isSameOriginFetch(headers: HeaderSource): boolean {
  return headers.get("sec-fetch-site") === "same-origin";
}

// The origins a state-changing request (a form post, a server action) may come from: the
// pinned site address when there is one, otherwise the Host the request was sent to.
// X-Forwarded-Host is never consulted: anyone who can reach the app can set it.
export function allowedOrigins(configured: string | undefined, host: string | null): string[] {
  if (configured) return [new URL(configured).origin];
  if (!host) return [];
  return [`http://${host}`, `https://${host}`];
}

export function isAllowedOrigin(origin: string | null, allowed: readonly string[]): boolean {
  if (!origin || origin === "null") return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  return allowed.includes(parsed.origin) && parsed.origin === origin.replace(/\/$/, "");
}
