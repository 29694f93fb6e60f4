import { getMessages } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session-user";
import { CLIENT_MESSAGES, clientMessages, SHELL_NAMESPACES, type MessageArea } from "@/i18n/client-messages";
import { MessagesProvider } from "@/components/translations";

// Hands the client components of one area of the app the messages they use (and the shell's),
// in place of those of the layout above (i18n/client-messages.ts). The user is the one the
// page itself resolves (cached for the request), so this costs no extra lookup. If the
// session cannot be checked (the database is down), the visitor is treated as signed out.
export async function ClientMessages({ area, children }: { area: MessageArea; children: React.ReactNode }) {
  const signedIn = Boolean(await getCurrentUser().catch(() => null));
  const messages = clientMessages(
    await getMessages(),
    [...SHELL_NAMESPACES, ...CLIENT_MESSAGES[area]],
    signedIn,
  );
  return <MessagesProvider messages={messages}>{children}</MessagesProvider>;
}
