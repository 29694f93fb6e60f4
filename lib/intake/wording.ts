// Child wording: a child is never called a sex worker, so questions worded for adults in sex
// work ("working name", "where they work") have a child version (`childLabel`, `childHint`,
// `childWhy`, and option labels under intake.childOptions), used whenever the person is
// under 18. Shared by the form and the check-answers page.
type Translate = { has: (key: string) => boolean; (key: string): string };

// `t` is scoped to the "intake" namespace.
export function questionText(
  t: Translate,
  name: string,
  part: "label" | "hint" | "why",
  child: boolean,
): string | null {
  const childKey = `questions.${name}.child${part[0]?.toUpperCase()}${part.slice(1)}`;
  if (child && t.has(childKey)) return t(childKey);
  return t.has(`questions.${name}.${part}`) ? t(`questions.${name}.${part}`) : null;
}

// `t` is the whole catalogue; `labels` is the question's label set, e.g. "enums.WorkSetting".
export function optionText(t: Translate, name: string, labels: string, option: string, child: boolean) {
  const childKey = `intake.childOptions.${name}.${option}`;
  if (child && t.has(childKey)) return t(childKey);
  return t.has(`${labels}.${option}`) ? t(`${labels}.${option}`) : option;
}
