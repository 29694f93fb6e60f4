import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function Pagination({
  path,
  page,
  pageCount,
}: {
  path: string;
  page: number;
  pageCount: number;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("pagination");
  const href = (p: number) => `${path}?page=${p}`;
  return (
    <nav aria-label={t("label")} className="mt-4 flex items-center gap-4">
      {page > 1 && (
        <Link href={href(page - 1)} rel="prev">
          {t("previous")}
        </Link>
      )}
      <p aria-current="page">{t("status", { page, pageCount })}</p>
      {page < pageCount && (
        <Link href={href(page + 1)} rel="next">
          {t("next")}
        </Link>
      )}
    </nav>
  );
}
