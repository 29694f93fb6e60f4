import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session-user";
import { can } from "@/lib/authz/scope";
import { getAlertForAgency, getAlertForUnit } from "@/lib/alerts/queries";
import { AlertSheet } from "../_components/alert-sheet";
import { UnitAlert } from "../_components/unit-alert";
import "./sheet.css";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("alerts");
  return { title: t("viewTitle") };
}

// The unit sees its alert with its workflow; a partner sees the printable sheet of an
// active alert addressed to their agency. Anything else is "not found" (audited).
export default async function AlertPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const now = new Date();
  if (can(user, "alert:read:unit")) {
    const alert = await getAlertForUnit(user, id, now);
    if (!alert) notFound();
    const { done } = await searchParams;
    return <UnitAlert user={user} alert={alert} done={typeof done === "string" ? done : null} now={now} />;
  }
  if (can(user, "alert:read:agency")) {
    const alert = await getAlertForAgency(user, id, now);
    if (!alert) notFound();
    return <AlertSheet alert={alert} printable />;
  }
  notFound();
}
