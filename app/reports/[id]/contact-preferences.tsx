import { getTranslations } from "next-intl/server";
import type { ContactMethod } from "@/lib/generated/prisma/enums";

type Props = {
  safeContactMethods: ContactMethod[];
  safeContactTimes: string | null;
  doNotContactRules: string | null;
};

// How the person agreed to be contacted, shown beside every update they are owed so the
// officer never has to look it up (and never contacts them in a way that puts them at risk).
export async function ContactPreferences({ safeContactMethods, safeContactTimes, doNotContactRules }: Props) {
  const t = await getTranslations();
  return (
    <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="font-bold">{t("case.contactMethods")}</dt>
      <dd>
        {safeContactMethods.length > 0
          ? safeContactMethods.map((m) => t(`enums.ContactMethod.${m}`)).join(", ")
          : t("case.noneAgreed")}
      </dd>
      {safeContactTimes && (
        <>
          <dt className="font-bold">{t("case.contactTimes")}</dt>
          <dd className="whitespace-pre-wrap">{safeContactTimes}</dd>
        </>
      )}
      {doNotContactRules && (
        <>
          <dt className="font-bold">{t("case.doNotContact")}</dt>
          <dd className="whitespace-pre-wrap">{doNotContactRules}</dd>
        </>
      )}
    </dl>
  );
}
