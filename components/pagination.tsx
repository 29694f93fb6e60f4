import Link from "next/link";
import { getTranslations } from "next-intl/server";

// Previous / next links for a paged list, with where the reader is ("Page 2 of 5"). A page
// with more than one paged list names each navigation (`label`), keeps the other lists'
// pages (`keep`) and brings the reader back to the list they were reading (`fragment`).
export async function Pagination({
  path,
  page,
  pageCount,
  param = "page",
  keep = {},
  label,
  fragment,
}: {
  path: string;
  page: number;
  pageCount: number;
  param?: string;
  keep?: Record<string, string | undefined>;
  label?: string;
  fragment?: string;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("pagination");
  const href = (p: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(keep)) if (value && key !== param) query.set(key, value);
    query.set(param, String(p));
    return `${path}?${query}${fragment ? `#${fragment}` : ""}`;
  };
  return (
    <nav aria-label={label ?? t("label")} className="mt-4 flex items-center gap-4">
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
