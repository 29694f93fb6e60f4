// Reads a step's answers from a submitted form: shared by the server action and the step
// form's autosave in the browser. Apart from lib/intake/questions.ts, whose catalogue the
// browser does not need (only types come from there).
import type { Question, RawValues } from "./questions";

// The three boxes of a GOV.UK date, as typed, in one string; all empty is "not answered".
function joinDayParts(form: FormData, name: string): string {
  const part = (suffix: string) => String(form.get(`${name}${suffix}`) ?? "").trim();
  const [day, month, year] = [part("Day"), part("Month"), part("Year")];
  return day || month || year ? `${year}-${month}-${day}` : "";
}

// Reads exactly the fields a step owns from a submitted form; anything else is ignored.
export function readStepForm(step: { questions: readonly Question[] }, form: FormData): RawValues {
  const out: RawValues = {};
  for (const q of step.questions) {
    if (q.kind === "checkbox") out[q.name] = form.getAll(q.name).map(String);
    else if (q.kind === "day") out[q.name] = joinDayParts(form, q.name);
    else {
      const v = form.get(q.name);
      if (typeof v === "string") out[q.name] = v;
    }
  }
  return out;
}
