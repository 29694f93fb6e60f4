"use client";

// Client components' strings and dates, in place of NextIntlClientProvider and its hooks
// (decision 023): components/client-messages.tsx hands over the messages an area's client
// components use, and these hooks read them as the library's do. Server components keep it.
import { createContext, useContext, useMemo } from "react";
import { formatDateTime } from "@/i18n/formats";
import { translatorFor, type Messages } from "@/i18n/translate";

const MessagesContext = createContext<Messages | null>(null);

export function MessagesProvider({ messages, children }: { messages: Messages; children: React.ReactNode }) {
  return <MessagesContext.Provider value={messages}>{children}</MessagesContext.Provider>;
}

function useMessages(): Messages {
  const messages = useContext(MessagesContext);
  if (!messages) throw new Error("A client component asked for messages outside a MessagesProvider.");
  return messages;
}

// `t(key, values)` and `t.has(key)`, keys below `namespace` if one is given.
export function useTranslations(namespace?: string) {
  const messages = useMessages();
  // The same `t` while the messages stay the same, so it can sit in an effect's dependencies.
  return useMemo(() => translatorFor(messages, namespace), [messages, namespace]);
}

const formatter = { dateTime: formatDateTime };

// Dates as the server writes them: a named format of i18n/formats.ts, or options, London time.
export function useFormatter() {
  return formatter;
}
