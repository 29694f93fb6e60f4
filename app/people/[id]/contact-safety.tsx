import { getTranslations } from "next-intl/server";
import type { PersonView } from "@/lib/people/queries";

type Props = {
  person: Pick<PersonView, "language" | "safeContactMethods" | "safeContactTimes" | "doNotContactRules">;
};

// The person's contact-safety rules, shown before anything else that leads to contact: a
// call at the wrong time or a text to a shared phone can put someone in danger.
export async function ContactSafety({ person }: Props) {
  const t = await getTranslations();
  const methods = person.safeContactMethods.map((m) => t(`enums.ContactMethod.${m}`)).join(", ");
  return (
    <section aria-labelledby="safety-heading" className="mb-8 max-w-3xl border-4 border-brand p-4">
      <h2 id="safety-heading" className="mb-1 text-xl font-bold">
        {t("people.safetyTitle")}
      </h2>
      <p className="mb-3">{t("people.safetyIntro")}</p>
      <dl className="grid grid-cols-[minmax(10rem,auto)_1fr] gap-x-6 gap-y-2">
        <dt className="font-bold">{t("people.safeMethods")}</dt>
        <dd>{methods || t("people.noSafeMethods")}</dd>
        <dt className="font-bold">{t("people.safeTimes")}</dt>
        <dd className="whitespace-pre-wrap">{person.safeContactTimes || t("people.notGiven")}</dd>
        <dt className="font-bold">{t("people.doNotRules")}</dt>
        <dd className="whitespace-pre-wrap font-bold">{person.doNotContactRules || t("people.noRules")}</dd>
        <dt className="font-bold">{t("people.language")}</dt>
        <dd>
          {t(`enums.Language.${person.language}`)}
          {person.language === "WELSH" && <span className="block">{t("people.languageNote")}</span>}
        </dd>
      </dl>
    </section>
  );
}
