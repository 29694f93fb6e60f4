"use client";

import { useEffect, useRef } from "react";

export type SummaryError = { fieldId?: string; message: string };

// GOV.UK error summary: at the top of the form, focused when it appears so screen readers
// announce it, each error linking to its field.
export function ErrorSummary({ title, errors }: { title: string; errors: SummaryError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="mb-6 border-4 border-danger p-4"
    >
      <h2 id="error-summary-title" className="mb-2 text-lg font-bold">
        {title}
      </h2>
      <ul className="list-none">
        {errors.map((e) =>
          e.fieldId ? (
            <li key={e.fieldId}>
              <a href={`#${e.fieldId}`} className="font-bold text-danger">
                {e.message}
              </a>
            </li>
          ) : (
            <li key={e.message} className="font-bold text-danger">
              {e.message}
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
