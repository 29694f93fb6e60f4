import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { LifecyclePage } from "./lifecycle-page";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("lifecycle");
  return { title: t("closeTitle") };
}

export default async function CloseReportPage({ params }: Props) {
  await requirePermission("report:close:unit");
  return <LifecyclePage id={(await params).id} kind="close" />;
}
