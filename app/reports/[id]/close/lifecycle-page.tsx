import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session-user";
import { getReportForLifecycle } from "@/lib/outcomes/queries";
import { SUPERVISOR_CLOSE_REASONS } from "@/lib/outcomes/lifecycle-schema";
import { LifecycleForm } from "./lifecycle-form";
import { closeReportAction, reopenReportAction } from "./actions";

// The close and reopen pages differ only in their words and action.
export async function LifecyclePage({ id, kind }: { id: string; kind: "close" | "reopen" }) {
  const user = await requireUser();
  const report = await getReportForLifecycle(user, id);
  if (!report) notFound();
  const t = await getTranslations("lifecycle");
  const caseHref = `/reports/${report.id}`;
  const already = kind === "close" ? report.status === "CLOSED" : report.status === "OPEN";
  const action = kind === "close" ? closeReportAction : reopenReportAction;
  return (
    <div className="max-w-3xl">
      <Link href={caseHref} className="mb-6 inline-block">
        {t("back")}
      </Link>
      <h1 className="mb-2 text-3xl font-bold">{t(kind === "close" ? "closeTitle" : "reopenTitle")}</h1>
      <p className="mb-4 text-muted">{t("forReport", { reference: report.reference })}</p>
      {already ? (
        <p className="mb-6">{t(kind === "close" ? "alreadyClosed" : "alreadyOpen")}</p>
      ) : (
        <>
          <p className="mb-6">{t(kind === "close" ? "closeIntro" : "reopenIntro")}</p>
          <LifecycleForm
            kind={kind}
            reasons={SUPERVISOR_CLOSE_REASONS}
            submit={action.bind(null, report.id)}
          />
        </>
      )}
    </div>
  );
}
