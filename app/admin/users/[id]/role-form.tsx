"use client";

import { useTranslations } from "@/components/translations";
import { ChoiceGroup } from "@/components/form/choice-group";
import { SubmitButton } from "@/components/form/submit-button";
import { useSafeActionState } from "@/lib/forms/use-safe-action-state";
import type { Role } from "@/lib/generated/prisma/enums";
import { IDLE, type AdminActionState } from "../../_components/action-state";
import { FormMessages } from "../../_components/form-messages";

type Props = {
  action: (state: AdminActionState, form: FormData) => Promise<AdminActionState>;
  current: Role;
  // Only the roles this user's organisation may hold.
  roles: readonly Role[];
};

export function RoleForm({ action, current, roles }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useSafeActionState(action, IDLE, "change-role");
  const selected = state.values.role ?? current;
  return (
    <form action={formAction} noValidate key={`${selected}-${state.status}`}>
      <FormMessages state={state} fields={["role"]} />
      <ChoiceGroup
        name="role"
        type="radio"
        legend={t("admin.user.roleLegend")}
        hint={t("admin.user.roleExplain")}
        error={state.fieldErrors.role ? t(state.fieldErrors.role) : undefined}
        options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        selected={[selected]}
      />
      <SubmitButton
        pending={pending}
        label={t("admin.user.changeRole")}
        pendingLabel={t("admin.user.changingRole")}
      />
    </form>
  );
}
