// Which strings travel to the browser. Client components read their text from the messages
// a NextIntlClientProvider above them hands over, and whatever it is given is serialised into
// the page's payload on every request: the whole catalogue on every page made each signed-in
// page about 135 kB of strings, most of its rendering time (issue 11). So each part of the app
// sends only the namespaces its own client components use: the root layout the shell's, and a
// layout per area (CLIENT_MESSAGES below, through components/client-messages.tsx) its forms'.
// A nested provider replaces the messages above it, so each entry lists all its area needs.
// tests/unit/client-messages.test.ts reads every page's client components and fails when one
// names a namespace its area does not send.
//
// A signed-out visitor gets only what the sign-in and account set-up pages and the error
// pages show; the catalogue of a case-tracking system (its questions, its categories of harm)
// is for the people who use it.
import type { AbstractIntlMessages } from "next-intl";

// `setup` and `password` are the account set-up page's (app/setup/[token]); `forms` the form
// helpers' (a form's "connection lost" and "signed out" notes).
export const SIGNED_OUT_NAMESPACES: readonly string[] = [
  "app",
  "errorPage",
  "forms",
  "signIn",
  "setup",
  "password",
];

// What every signed-in page's client components may use: the error boundary (`errorPage`), the form
// helpers (`forms`), and error keys that actions on pages without an area of their own answer.
export const SHELL_NAMESPACES: readonly string[] = [
  "errorPage",
  "forms",
  "signIn.errors",
  "restriction.errors",
];

// Per area (the route of its layout): the namespaces, or parts of one ("intake.errors"), that
// its client components use, besides the shell's.
export const CLIENT_MESSAGES = {
  "/account": ["accountPassword", "password", "secondFactor", "setup"],
  "/admin": ["admin", "roles"],
  "/alerts": ["alerts", "language"],
  "/login": ["signIn"],
  "/people": ["people"],
  "/people/[id]": ["consents.errors", "referralUpdates", "referrals.errors"],
  "/people/[id]/consents": ["consents", "enums"],
  "/people/[id]/contacts": ["caseUpdates", "contacts", "enums", "language"],
  "/people/[id]/edit": ["contacts", "enums", "language", "people"],
  "/people/[id]/referrals": ["consents.errors", "enums", "referrals"],
  "/reauth": ["password.errors", "reauth", "signIn"],
  "/referrals": ["consents.errors", "referrals"],
  "/reports/[id]": ["consents.errors", "referralUpdates", "referrals.errors"],
  "/reports/[id]/close": ["enums", "language", "lifecycle"],
  "/reports/[id]/crime-recording": ["caseCrimeRecording", "language"],
  "/reports/[id]/edit": ["enums", "language", "reportEdit"],
  "/reports/[id]/enhanced-rights": ["enhancedRights", "language"],
  "/reports/[id]/events": ["caseEvents", "enums", "language", "lifecycle"],
  "/reports/[id]/override": ["language", "restriction"],
  "/reports/[id]/reopen": ["enums", "language", "lifecycle"],
  "/reports/[id]/restriction": ["language", "restriction"],
  "/reports/[id]/risk": ["caseRisk", "enums", "language"],
  "/reports/[id]/safeguarding": ["caseSafeguarding", "enums", "language"],
  "/reports/new": ["enums", "intake", "language"],
  "/retention": ["retention"],
  "/setup": ["password", "setup"],
  "/submissions": ["intake.errors", "thirdParty"],
  "/third-party-reports": ["enums", "intake", "language", "thirdParty"],
} as const satisfies Record<string, readonly string[]>;

export type MessageArea = keyof typeof CLIENT_MESSAGES;

// The namespaces (or dotted parts of one) in `wanted`, taken from the catalogue; for a
// signed-out visitor, only those of the signed-out pages.
export function clientMessages(
  all: AbstractIntlMessages,
  wanted: readonly string[],
  signedIn: boolean,
): AbstractIntlMessages {
  type Tree = Record<string, unknown>;
  const picked: Tree = {};
  // Shorter paths first, so that a namespace sent whole is not then rebuilt from a part of it.
  const paths = [...new Set(wanted)].map((p) => p.split(".")).sort((a, b) => a.length - b.length);
  for (const parts of paths) {
    if (!signedIn && !SIGNED_OUT_NAMESPACES.includes(parts[0] ?? "")) continue;
    let from = all as Tree;
    let to = picked;
    for (const [i, part] of parts.entries()) {
      const value = from[part];
      if (value === undefined || to[part] === value) break;
      if (i === parts.length - 1) to[part] = value;
      else {
        to = (to[part] ??= {}) as Tree;
        from = value as Tree;
      }
    }
  }
  return picked as AbstractIntlMessages;
}
