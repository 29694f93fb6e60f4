import { ClientMessages } from "@/components/client-messages";

// The messages this area's forms use (i18n/client-messages.ts).
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="/login">{children}</ClientMessages>;
}
