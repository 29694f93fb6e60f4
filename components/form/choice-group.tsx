import type { ReactNode } from "react";

type Props = {
  name: string;
  type: "radio" | "checkbox";
  legend: string;
  hint?: ReactNode;
  error?: string;
  options: { value: string; label: string }[];
  selected: string[];
};

// A GOV.UK-style group of radios or checkboxes: a fieldset whose legend is the question,
// with the hint and any error announced with it.
export function ChoiceGroup({ name, type, legend, hint, error, options, selected }: Props) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <fieldset
      className={`mb-6 ${error ? "border-l-4 border-danger pl-3" : ""}`}
      aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
    >
      <legend className="mb-1 font-bold">{legend}</legend>
      {hint && (
        <div id={hintId} className="mb-2 text-muted">
          {hint}
        </div>
      )}
      {error && (
        <p id={errorId} className="mb-2 font-bold text-danger">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
      <div className="grid gap-1 sm:grid-cols-2">
        {options.map((o, i) => {
          // The first option carries the group's id so the error summary can link to it.
          const id = i === 0 ? name : `${name}-${i}`;
          return (
            <div key={o.value} className="flex items-center gap-2">
              <input
                id={id}
                type={type}
                name={name}
                value={o.value}
                defaultChecked={selected.includes(o.value)}
                className="size-5 accent-brand"
              />
              <label htmlFor={id}>{o.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
