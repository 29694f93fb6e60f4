import { getFormatter, getTranslations } from "next-intl/server";
import type { SharedSnapshot } from "@/lib/referrals/snapshot";

// What the person agreed to share, as it was sent. Only the keys in the snapshot show.
export async function SharedDetails({ shared }: { shared: SharedSnapshot | null }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const rows: [string, string][] = [];
  if (!shared) return null;
  if (shared.workingName !== undefined) rows.push([t("referrals.workingName"), shared.workingName]);
  if (shared.contactSafety) {
    const methods = shared.contactSafety.methods.map((m) => t(`enums.ContactMethod.${m}`)).join(", ");
    rows.push([t("referrals.safeMethods"), methods || t("referrals.notGiven")]);
    rows.push([t("referrals.safeTimes"), shared.contactSafety.times || t("referrals.notGiven")]);
    rows.push([t("referrals.doNotRules"), shared.contactSafety.doNot || t("referrals.notGiven")]);
  }
  if (shared.languageAndAccess) {
    rows.push([t("referrals.language"), t(`enums.Language.${shared.languageAndAccess.language}`)]);
    rows.push([
      t("referrals.interpreterNeeds"),
      shared.languageAndAccess.interpreterNeeds || t("referrals.notGiven"),
    ]);
    rows.push([t("referrals.accessNeeds"), shared.languageAndAccess.accessNeeds || t("referrals.notGiven")]);
  }
  if (shared.reason !== undefined) rows.push([t("referrals.reasonTerm"), shared.reason]);
  if (shared.supportNeeded !== undefined) rows.push([t("referrals.supportNeeded"), shared.supportNeeded]);
  if (shared.incident) {
    const [year, month] = shared.incident.month.split("-").map(Number) as [number, number];
    rows.push([
      t("referrals.incidentTerm"),
      t("referrals.incidentSummary", {
        types: shared.incident.types.map((i) => t(`enums.IncidentType.${i}`)).join(", "),
        // The month alone, read as written (no time zone shift of the 1st).
        month: format.dateTime(new Date(Date.UTC(year, month - 1, 15)), { month: "long", year: "numeric" }),
        area: shared.incident.area ?? t("referrals.notGiven"),
      }),
    ]);
  }
  return (
    <section aria-labelledby="shared-heading" className="mb-8 max-w-3xl">
      <h2 id="shared-heading" className="mb-2 text-xl font-bold">
        {t("referrals.sharedHeading")}
      </h2>
      <p className="mb-3 text-muted">{t("referrals.sharedIntro")}</p>
      <dl className="grid grid-cols-[minmax(10rem,auto)_1fr] gap-x-6 gap-y-2">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-bold">{term}</dt>
            <dd className="whitespace-pre-wrap">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
