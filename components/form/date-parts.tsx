type Part = {
  name: string;
  label: string;
  value: string;
  width: string;
  maxLength: number;
  invalid?: boolean;
};

type Props = {
  id: string;
  legend: string;
  hint: string;
  errors: string[];
  parts: Part[];
};

// GOV.UK date input: one fieldset, a labelled box per part (each box's id is its name, so
// the error summary links straight to it), the hint and errors read out with the legend.
export function DateParts({ id, legend, hint, errors, parts }: Props) {
  const hintId = `${id}-hint`;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  return (
    <fieldset
      className={`mb-6 ${errorId ? "border-l-4 border-danger pl-3" : ""}`}
      aria-describedby={[hintId, errorId].filter(Boolean).join(" ")}
    >
      <legend className="mb-1 font-bold">{legend}</legend>
      <p id={hintId} className="mb-2 text-muted">
        {hint}
      </p>
      {errorId && (
        <div id={errorId} className="mb-2 font-bold text-danger">
          {errors.map((message) => (
            <p key={message}>
              <span className="sr-only">Error: </span>
              {message}
            </p>
          ))}
        </div>
      )}
      <div className="flex flex-wrap gap-4">
        {parts.map((part) => (
          <div key={part.name}>
            <label htmlFor={part.name} className="mb-1 block">
              {part.label}
            </label>
            <input
              id={part.name}
              name={part.name}
              inputMode="numeric"
              spellCheck={false}
              autoComplete="off"
              maxLength={part.maxLength}
              defaultValue={part.value}
              aria-invalid={part.invalid ? true : undefined}
              className={`block ${part.width} border-2 px-2 py-1.5 ${part.invalid ? "border-danger" : "border-ink"}`}
            />
          </div>
        ))}
      </div>
    </fieldset>
  );
}
