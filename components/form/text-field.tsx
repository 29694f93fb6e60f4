import type { InputHTMLAttributes, ReactNode } from "react";
import { FieldShell, describedBy } from "./field-shell";

type Props = {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id">;

// A labelled input with its hint and error wired for assistive technology.
export function TextField({ id, label, hint, error, className, ...input }: Props) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`block w-full max-w-md border-2 px-2 py-1.5 ${error ? "border-danger" : "border-ink"} ${className ?? ""}`}
        {...input}
      />
    </FieldShell>
  );
}
