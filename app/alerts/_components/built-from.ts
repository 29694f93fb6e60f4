// "Built from" lines for the draft form and the alert page, in the user's words.
import type { AlertPart, SourceField } from "@/lib/alerts/prefill";

type Translate = (key: string) => string;

export function builtFromText(
  sources: { part: AlertPart; fields: SourceField[] }[],
  t: Translate,
): Partial<Record<AlertPart, string>> {
  return Object.fromEntries(
    sources.map((s) => [s.part, s.fields.map((f) => t(`alerts.sourceField.${f}`)).join(", ")]),
  );
}
