// Which strings travel to the browser. Client components read their text from the messages
// the root layout hands to NextIntlClientProvider, and whatever it is given is sent in every
// page's payload. A signed-out visitor gets only what the sign-in and account set-up pages
// and the error pages show; the catalogue of a case-tracking system (its questions, its
// categories of harm) is for the people who use it.
import type { AbstractIntlMessages } from "next-intl";

// `setup` and `password` are the account set-up page's (app/setup/[token]).
export const SIGNED_OUT_NAMESPACES: readonly string[] = ["app", "signIn", "setup", "password"];

export function clientMessages(all: AbstractIntlMessages, signedIn: boolean): AbstractIntlMessages {
  if (signedIn) return all;
  return Object.fromEntries(
    Object.entries(all).filter(([namespace]) => SIGNED_OUT_NAMESPACES.includes(namespace)),
  );
}
