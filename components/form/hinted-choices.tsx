type Props = {
  name: string;
  type: "radio" | "checkbox";
  legend: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string; hint: string }[];
  selected: string[];
};

// GOV.UK radios or checkboxes with a hint under each option, tied to it with
// aria-describedby so a screen reader reads the hint with the label.
export function HintedChoices({ name, type, legend, hint, error, options, selected }: Props) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <fieldset
      className={`mb-6 ${error ? "border-l-4 border-danger pl-3" : ""}`}
      aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
    >
      <legend className="mb-1 font-bold">{legend}</legend>
      {hint && (
        <p id={hintId} className="mb-2 text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mb-2 font-bold text-danger">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
      <div className="grid gap-3">
        {options.map((o, i) => {
          // The first option carries the group's id so the error summary can link to it.
          const id = i === 0 ? name : `${name}-${i}`;
          return (
            <div key={o.value} className="flex items-start gap-2">
              <input
                id={id}
                type={type}
                name={name}
                value={o.value}
                defaultChecked={selected.includes(o.value)}
                aria-describedby={`${id}-item-hint`}
                className="mt-1 size-5 shrink-0 accent-brand"
              />
              <div>
                <label htmlFor={id}>{o.label}</label>
                <p id={`${id}-item-hint`} className="text-muted">
                  {o.hint}
                </p>
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
