"use client";

import { useTranslations } from "@/components/translations";
import { TextField } from "@/components/form/text-field";
import { SubmitButton } from "@/components/form/submit-button";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { IDLE, type AdminActionState } from "../../_components/action-state";
import { FormMessages } from "../../_components/form-messages";

type Props = {
  action: (state: AdminActionState, form: FormData) => Promise<AdminActionState>;
  name: string;
};

export function RenameForm({ action, name }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useSafeActionState(action, IDLE, "rename-organisation");
  const value = state.status === "done" ? name : (state.values.name ?? name);
  return (
    <form action={formAction} noValidate key={`${value}-${state.status}`}>
      <FormMessages state={state} fields={["name"]} />
      <TextField
        id="name"
        name="name"
        label={t("admin.organisations.nameLabel")}
        error={state.fieldErrors.name ? t(state.fieldErrors.name) : undefined}
        defaultValue={value}
        maxLength={120}
        autoComplete="off"
      />
      <SubmitButton
        pending={pending}
        label={t("admin.organisations.rename")}
        pendingLabel={t("admin.organisations.renaming")}
      />
    </form>
  );
}
