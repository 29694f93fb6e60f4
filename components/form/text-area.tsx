import type { ReactNode, TextareaHTMLAttributes } from "react";

type Props = {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  after?: ReactNode;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">;

export function TextArea({ id, label, hint, error, after, className, ...area }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-danger pl-3" : ""}`}>
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
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={`block w-full max-w-3xl border-2 px-2 py-1.5 ${error ? "border-danger" : "border-ink"} ${className ?? ""}`}
        {...area}
      />
      {after}
    </div>
  );
}
