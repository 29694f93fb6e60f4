import type { InputHTMLAttributes, ReactNode } from "react";

type Props = {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id">;

// A labelled input with its hint and error wired for assistive technology.
export function TextField({ id, label, hint, error, className, ...input }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`mb-5 ${error ? "border-l-4 border-danger pl-3" : ""}`}>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      {hint && (
        <div id={hintId} className="mb-1 text-muted">
          {hint}
        </div>
      )}
      {error && (
        <p id={errorId} className="mb-1 font-bold text-danger">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={`block w-full max-w-md border-2 px-2 py-1.5 ${error ? "border-danger" : "border-ink"} ${className ?? ""}`}
        {...input}
      />
    </div>
  );
}
