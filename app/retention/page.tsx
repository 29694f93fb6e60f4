import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { pageNumberSchema } from "@/lib/pagination";
import { dueForReview } from "@/lib/retention/queue";
import { Pagination } from "@/components/pagination";
import { retainAction } from "./actions";
import { RetainForm } from "./retain-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("retention");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ page?: string | string[]; done?: string | string[] }> };

const PAGE_SIZE = 20;

// The supervisor's retention review: people whose records have all reached their review
// date (lib/retention/queue.ts), each to be kept with a reason or erased.
export default async function RetentionPage({ searchParams }: Props) {
  const user = await requirePermission("retention:review:unit");
  const flags = await searchParams;
  const page = pageNumberSchema.parse(flags.page);
  const due = await dueForReview(user, { page, pageSize: PAGE_SIZE });
  const t = await getTranslations();
  const format = await getFormatter();
  const done = flags.done === "retained" || flags.done === "erased" ? flags.done : null;
  const pageCount = due ? Math.max(1, Math.ceil(due.total / due.pageSize)) : 1;
  return (
    <article>
      <h1 className="mb-4 text-3xl font-bold">{t("retention.title")}</h1>
      {done && (
        <p role="status" className="mb-6 max-w-3xl border-l-4 border-brand bg-panel p-3 font-bold">
          {t(`retention.done.${done}`)}
        </p>
      )}
      <p className="mb-6 max-w-3xl">{t("retention.intro")}</p>
      {!due || due.total === 0 ? (
        <p>{t("retention.empty")}</p>
      ) : (
        <>
          <p className="mb-4">{t("retention.count", { total: due.total })}</p>
          <ol className="space-y-8">
            {due.items.map((item) => (
              <li key={item.personId} className="max-w-3xl border-t-2 border-ink pt-4">
                <h2 className="text-xl font-bold">
                  <Link href={`/people/${item.personId}`}>{item.workingName}</Link>
                </h2>
                <p className="mb-2">
                  {t("retention.dueSince", { date: format.dateTime(item.reviewOn, { dateStyle: "long" }) })}
                </p>
                {item.lastReason && (
                  <p className="mb-2 whitespace-pre-wrap">
                    <span className="font-bold">{t("retention.lastReason")}</span> {item.lastReason}
                  </p>
                )}
                <details className="mb-3">
                  <summary className="cursor-pointer font-bold">{t("retention.retain")}</summary>
                  <RetainForm personId={item.personId} submit={retainAction.bind(null, item.personId)} />
                </details>
                <p>
                  <Link href={`/retention/${item.personId}/erase`} className="font-bold text-danger">
                    {t("retention.erase")}
                  </Link>
                </p>
              </li>
            ))}
          </ol>
          <Pagination
            path="/retention"
            page={due.page}
            pageCount={pageCount}
            param="page"
            keep={{}}
            label={t("retention.pages")}
          />
        </>
      )}
    </article>
  );
}
