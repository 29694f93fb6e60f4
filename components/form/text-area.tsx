import type { ReactNode, TextareaHTMLAttributes } from "react";
import { FieldShell, describedBy } from "./field-shell";

type Props = {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  after?: ReactNode;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">;

export function TextArea({ id, label, hint, error, after, className, ...area }: Props) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`block w-full max-w-3xl border-2 px-2 py-1.5 ${error ? "border-danger" : "border-ink"} ${className ?? ""}`}
        {...area}
      />
      {after}
    </FieldShell>
  );
}
