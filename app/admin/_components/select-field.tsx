import type { SelectHTMLAttributes } from "react";
import { FieldShell, describedBy } from "@/components/form/field-shell";

type Props = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string }[];
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id">;

// A labelled select with its hint and error wired like the other fields.
export function SelectField({ id, label, hint, error, options, ...select }: Props) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`block w-full max-w-md border-2 bg-white px-2 py-1.5 ${error ? "border-danger" : "border-ink"}`}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
