import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session-user";
import { getPersonForUser } from "@/lib/people/queries";
import { asFormValues } from "@/lib/people/update-person";
import { PersonForm } from "./person-form";
import { updatePersonAction } from "./actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("people");
  return { title: t("editTitle") };
}

export default async function EditPersonPage({ params }: Props) {
  const user = await requirePermission("person:update:unit");
  const { id } = await params;
  const person = await getPersonForUser(user, id);
  if (!person) notFound();
  const t = await getTranslations("people");
  const back = `/people/${person.id}`;
  return (
    <>
      <Link href={back} className="mb-6 inline-block">
        {t("back")}
      </Link>
      <h1 className="mb-2 text-3xl font-bold">{t("editTitle")}</h1>
      <p className="mb-6 text-muted">{t("editIntro", { name: person.workingName })}</p>
      <PersonForm
        action={updatePersonAction.bind(null, person.id)}
        saved={asFormValues(person)}
        cancelHref={back}
      />
    </>
  );
}
