"use client";

import { useTranslations } from "@/components/translations";
import { TextField } from "@/components/form/text-field";
import { ChoiceGroup } from "@/components/form/choice-group";
import { SubmitButton } from "@/components/form/submit-button";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import { ORGANISATION_FIELDS } from "@/lib/accounts/fields";
import { OrganisationKind } from "@/lib/generated/prisma/enums";
import { IDLE, type AdminActionState } from "../_components/action-state";
import { FormMessages } from "../_components/form-messages";
import { SelectField } from "../_components/select-field";

type Props = {
  action: (state: AdminActionState, form: FormData) => Promise<AdminActionState>;
  forces: { id: string; name: string }[];
};

export function OrganisationForm({ action, forces }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useSafeActionState(action, IDLE, "add-organisation");
  // After a success the form starts empty again, ready for the next one.
  const values = state.status === "done" ? {} : state.values;
  const error = (f: string) => (state.fieldErrors[f] ? t(state.fieldErrors[f]) : undefined);
  return (
    <form
      action={formAction}
      noValidate
      className="max-w-3xl"
      key={`${JSON.stringify(values)}-${state.status}`}
    >
      <FormMessages state={state} fields={ORGANISATION_FIELDS} />
      <TextField
        id="name"
        name="name"
        label={t("admin.organisations.nameLabel")}
        hint={t("admin.organisations.nameHint")}
        error={error("name")}
        defaultValue={values.name ?? ""}
        maxLength={120}
        autoComplete="off"
      />
      <ChoiceGroup
        name="kind"
        type="radio"
        legend={t("admin.organisations.kindLegend")}
        error={error("kind")}
        options={Object.values(OrganisationKind).map((k) => ({ value: k, label: t(`admin.kinds.${k}`) }))}
        selected={values.kind ? [values.kind] : []}
      />
      <SelectField
        id="parentId"
        name="parentId"
        label={t("admin.organisations.parentLabel")}
        hint={t("admin.organisations.parentHint")}
        error={error("parentId")}
        defaultValue={values.parentId ?? ""}
        options={[
          { value: "", label: t("admin.organisations.parentNone") },
          ...forces.map((f) => ({ value: f.id, label: f.name })),
        ]}
      />
      <SubmitButton
        pending={pending}
        label={t("admin.organisations.add")}
        pendingLabel={t("admin.organisations.adding")}
      />
    </form>
  );
}
