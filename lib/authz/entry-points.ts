// Entry points (pages, server actions, route handlers) that no permission from the table
// guards, each with the reason. Every other entry point checks a permission itself, by name:
// `requirePermission("…")`, `can(user, "…")`, `unitScope(user, "…")` or
// `agencyScope(user, "…")`, with the permission written out so that a reader (and
// tests/unit/permission-declarations.test.ts) can see it. The lib function it calls checks
// again: the entry point's check is the declaration, the lib's the scope.

// Reachable signed out.
export const PUBLIC_ENTRY_POINTS: Readonly<Record<string, string>> = {
  "app/login/page.tsx": "the sign-in page",
  "app/login/actions.ts": "signing in",
  "app/login/sso-actions.ts": "starting single sign-on with the force's identity provider",
  "app/setup/[token]/page.tsx": "a new user's one-time set-up link",
  "app/setup/[token]/actions.ts": "choosing a password and second factor from a set-up link",
  "app/api/auth/[...nextauth]/route.ts": "Auth.js's own sign-in and sign-out endpoints",
  "app/api/health/route.ts": "the load balancer's health check, which says nothing about data",
  "app/api/ping/route.ts": "a liveness answer with no data",
  "app/database-unavailable/page.tsx": "the page shown when the database cannot be reached",
  "app/sign-out/route.ts": "signing out ends whatever session the browser holds",
  "app/actions/sign-out.ts": "signing out ends whatever session the browser holds",
};

// Open to every signed-in user, whatever their role: about their own account or session.
export const SIGNED_IN_ENTRY_POINTS: Readonly<Record<string, string>> = {
  "app/page.tsx": "the home page, which shows each role its own start (or sends it on)",
  "app/reauth/page.tsx": "confirming one's own password before a sensitive step",
  "app/reauth/actions.ts": "confirming one's own password before a sensitive step",
  "app/account/password/page.tsx": "changing one's own password",
  "app/account/password/actions.ts": "changing one's own password",
  "app/account/second-factor/page.tsx": "one's own second factor and recovery codes",
  "app/account/second-factor/actions.ts": "one's own second factor and recovery codes",
  "lib/forms/keep-actions.ts": "giving back one's own form values, kept while signing in again",
};
