"use client";

import { useTranslations } from "@/components/translations";
import { ChoiceGroup } from "@/components/form/choice-group";

export type UpdateOption = { id: string; reportId: string; label: string };

type Props = {
  reportId: string;
  options: UpdateOption[];
  ticked: string[];
  error?: string;
};

// The open Victims' Code updates on the chosen report, one checkbox per decision. None is
// ticked for the officer: ticking says "I told them about this decision", and an update
// cleared by mistake would drop out of the officer's list while the person was never told.
export function CaseUpdateChoices({ reportId, options, ticked, error }: Props) {
  const t = useTranslations("caseUpdates");
  const onReport = options.filter((o) => o.reportId === reportId);
  if (!reportId) return null;
  if (onReport.length === 0)
    return (
      <p id="updateIds" tabIndex={-1} className={`mb-6 ${error ? "font-bold text-danger" : ""}`}>
        {error ?? t("noneOpen")}
      </p>
    );
  return (
    <ChoiceGroup
      name="updateIds"
      type="checkbox"
      legend={t("legend")}
      hint={t("hint")}
      error={error}
      options={onReport.map((o) => ({ value: o.id, label: o.label }))}
      selected={ticked}
    />
  );
}
