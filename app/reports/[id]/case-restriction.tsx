import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/authz/scope";
import type { RestrictionState } from "@/lib/reports/restriction-decisions";

// On the case record: whether the case is restricted and why, who opened it by override
// (supervisors see everyone's, others their own), and the supervisor's link to decide.
export async function CaseRestriction({
  user,
  reportId,
  state,
}: {
  user: CurrentUser;
  reportId: string;
  state: RestrictionState | null;
}) {
  if (!state) return null;
  const mayDecide = can(user, "report:restrict:unit");
  if (!state.restricted && state.history.length === 0 && !mayDecide) return null;
  const [t, format] = await Promise.all([getTranslations("restriction"), getFormatter()]);
  return (
    <section aria-labelledby="restriction-heading" className="mb-8 max-w-3xl">
      <h2 id="restriction-heading" className="mb-2 text-xl font-bold">
        {t("heading")}
      </h2>
      <p className={state.restricted ? "mb-2 font-bold" : "mb-2"}>
        {t(state.restricted ? "isRestricted" : "notRestricted")}
      </p>
      {state.history.length > 0 && (
        <ul className="mb-2 list-disc pl-6">
          {state.history.map((h) => (
            <li key={h.id}>
              {t(`changes.${h.change}`, {
                date: format.dateTime(h.decidedAt, "dateTime"),
                by: h.decidedBy ?? t("system"),
              })}
              {h.reason && <span className="block whitespace-pre-wrap">{h.reason}</span>}
            </li>
          ))}
        </ul>
      )}
      {state.overrides.length > 0 && (
        <>
          <h3 className="mb-1 font-bold">{t("overridesHeading")}</h3>
          <ul className="mb-2 list-disc pl-6">
            {state.overrides.map((o) => (
              <li key={o.id}>
                {t("overrideLine", { by: o.userName, date: format.dateTime(o.createdAt, "dateTime") })}
                <span className="block whitespace-pre-wrap">{o.reason}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {mayDecide && (
        <Link href={`/reports/${reportId}/restriction`}>
          {t(state.restricted ? "liftLink" : "restrictLink")}
        </Link>
      )}
    </section>
  );
}

// For someone in the unit who may not open the case: its reference, that it is restricted,
// and the way to open it by override.
export async function RestrictedCase({ id, reference }: { id: string; reference: string }) {
  const t = await getTranslations("restriction");
  return (
    <article className="max-w-3xl">
      <h1 className="mb-4 text-3xl font-bold">{reference}</h1>
      <p className="mb-4 font-bold">{t("restrictedNotice")}</p>
      <p className="mb-6">{t("restrictedExplain")}</p>
      <Link href={`/reports/${id}/override`}>{t("overrideLink")}</Link>
    </article>
  );
}
