import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { getPersonForUser } from "@/lib/people/queries";
import { findOpenUpdatesForPerson } from "@/lib/contacts/queries";
import { londonWallClock } from "@/lib/time/london";
import { isUuid } from "@/lib/ids";
import { ContactSafety } from "../../contact-safety";
import { ContactForm } from "./contact-form";
import { createContactAction } from "./actions";
import { withoutRestricted } from "@/lib/reports/restriction";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ report?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("contacts");
  return { title: t("newTitle") };
}

const two = (n: number) => String(n).padStart(2, "0");

export default async function NewContactPage({ params, searchParams }: Props) {
  const user = await requirePermission("contact:create:unit");
  const { id } = await params;
  const person = await getPersonForUser(user, id);
  if (!person) notFound();
  const { report } = await searchParams;
  // Only one of this person's own reports can be chosen for them; anything else is ignored.
  const fromReport =
    typeof report === "string" && isUuid(report)
      ? (person.reports.find((r) => r.id === report.toLowerCase()) ?? null)
      : null;
  const [t, format, openUpdates] = await Promise.all([
    getTranslations(),
    getFormatter(),
    findOpenUpdatesForPerson(user, person.id),
  ]);
  // Most contacts are logged straight after they happen, so the form starts at now.
  const now = londonWallClock(new Date());
  const back = fromReport ? `/reports/${fromReport.id}` : `/people/${person.id}`;
  return (
    <>
      <Link href={back} className="mb-6 inline-block">
        {t("contacts.back")}
      </Link>
      <h1 className="mb-2 text-3xl font-bold">{t("contacts.newTitle")}</h1>
      <p className="mb-6 text-muted">{t("contacts.newIntro", { name: person.workingName })}</p>
      <ContactSafety person={person} />
      <ContactForm
        action={createContactAction.bind(null, person.id, fromReport !== null)}
        cancelHref={back}
        idempotencyKey={randomUUID()}
        defaults={{
          occurredAtDay: String(now.day),
          occurredAtMonth: String(now.month),
          occurredAtYear: String(now.year),
          occurredAtTime: `${two(now.hour)}:${two(now.minute)}`,
          reportId: fromReport?.id ?? "",
        }}
        openUpdates={openUpdates.map((u) => ({
          id: u.id,
          reportId: u.reportId,
          label: t("caseUpdates.option", {
            decision: t(`enums.CaseEventType.${u.decision}`),
            decidedOn: format.dateTime(u.decidedOn, "date"),
            dueBy: format.dateTime(u.dueBy, "date"),
          }),
        }))}
        reports={withoutRestricted(person.reports).map((r) => ({
          id: r.id,
          label: t("contacts.reportOption", {
            reference: r.reference,
            date: format.dateTime(r.reportedAt, "date"),
          }),
        }))}
      />
    </>
  );
}
