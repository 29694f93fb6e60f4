"use client";

import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "@/components/translations";
import { TextField } from "@/components/form/text-field";
import { ChoiceGroup } from "@/components/form/choice-group";
import { SubmitButton } from "@/components/form/submit-button";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { USER_FIELDS } from "@/lib/accounts/fields";
import type { Role } from "@/lib/generated/prisma/enums";
import { IDLE, type AdminActionState } from "../../_components/action-state";
import { FormMessages } from "../../_components/form-messages";
import { SelectField } from "../../_components/select-field";
import { SetupLinkPanel } from "../../_components/setup-link-panel";

type Props = {
  action: (state: AdminActionState, form: FormData) => Promise<AdminActionState>;
  organisations: { id: string; label: string }[];
  roles: readonly Role[];
};

// After a user is created, "create another" starts a fresh form (a new key, a new state).
export function CreateUserForm(props: Props) {
  const [round, setRound] = useState(0);
  return <CreateUserRound key={round} {...props} onAnother={() => setRound((r) => r + 1)} />;
}

function CreateUserRound({ action, organisations, roles, onAnother }: Props & { onAnother: () => void }) {
  const t = useTranslations();
  const [state, formAction, pending] = useSafeActionState(action, IDLE, "create-user");
  if (state.status === "done" && state.link) {
    return (
      <>
        <FormMessages state={state} />
        <SetupLinkPanel link={state.link} idPrefix="new-user" />
        <p className="flex flex-wrap items-center gap-6">
          <Link href="/admin/users">{t("admin.user.back")}</Link>
          <button
            type="button"
            onClick={onAnother}
            className="rounded border-2 border-brand px-4 py-2 font-bold text-brand"
          >
            {t("admin.newUser.another")}
          </button>
        </p>
      </>
    );
  }
  const values = state.values;
  const error = (f: string) => (state.fieldErrors[f] ? t(state.fieldErrors[f]) : undefined);
  return (
    <form action={formAction} noValidate className="max-w-3xl" key={JSON.stringify(values)}>
      <FormMessages state={state} fields={USER_FIELDS} />
      <TextField
        id="name"
        name="name"
        label={t("admin.newUser.nameLabel")}
        error={error("name")}
        defaultValue={values.name ?? ""}
        maxLength={120}
        autoComplete="off"
      />
      <TextField
        id="email"
        name="email"
        type="email"
        label={t("admin.newUser.emailLabel")}
        hint={t("admin.newUser.emailHint")}
        error={error("email")}
        defaultValue={values.email ?? ""}
        maxLength={254}
        autoComplete="off"
        spellCheck={false}
      />
      <SelectField
        id="organisationId"
        name="organisationId"
        label={t("admin.newUser.organisationLabel")}
        error={error("organisationId")}
        defaultValue={values.organisationId ?? ""}
        options={[
          { value: "", label: t("admin.newUser.organisationChoose") },
          ...organisations.map((o) => ({ value: o.id, label: o.label })),
        ]}
      />
      <ChoiceGroup
        name="role"
        type="radio"
        legend={t("admin.newUser.roleLegend")}
        hint={t("admin.newUser.roleHint")}
        error={error("role")}
        options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        selected={values.role ? [values.role] : []}
      />
      <SubmitButton
        pending={pending}
        label={t("admin.newUser.create")}
        pendingLabel={t("admin.newUser.creating")}
      />
    </form>
  );
}
