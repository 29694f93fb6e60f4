import type { ReactNode } from "react";

type Props = {
  name: string;
  type: "radio" | "checkbox";
  legend: string;
  hint?: ReactNode;
  error?: string;
  // An option's hint sits under its label and is read with it (aria-describedby).
  options: { value: string; label: string; hint?: string }[];
  selected: string[];
};

// A GOV.UK-style group of radios or checkboxes: a fieldset whose legend is the question,
// with the hint and any error announced with it.
export function ChoiceGroup({ name, type, legend, hint, error, options, selected }: Props) {
  const hintId = hint ? `${name}-hint` : undefined;
  // Options with hints need room: one column, each hint under its label.
  const hinted = options.some((o) => o.hint !== undefined);
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
      <div className={hinted ? "grid gap-3" : "grid gap-1 sm:grid-cols-2"}>
        {options.map((o, i) => {
          // The first option carries the group's id so the error summary can link to it.
          const id = i === 0 ? name : `${name}-${i}`;
          const itemHintId = o.hint !== undefined ? `${id}-item-hint` : undefined;
          return (
            <div key={o.value} className={`flex gap-2 ${hinted ? "items-start" : "items-center"}`}>
              <input
                id={id}
                type={type}
                name={name}
                value={o.value}
                defaultChecked={selected.includes(o.value)}
                aria-describedby={itemHintId}
                className={hinted ? "mt-1 size-5 shrink-0 accent-brand" : "size-5 accent-brand"}
              />
              {hinted ? (
                <div>
                  <label htmlFor={id}>{o.label}</label>
                  {itemHintId && (
                    <p id={itemHintId} className="text-muted">
                      {o.hint}
                    </p>
                  )}
                </div>
              ) : (
                <label htmlFor={id}>{o.label}</label>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
