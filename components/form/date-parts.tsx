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

type DateInputProps = {
  id: string;
  legend: string;
  hint: string;
  error?: string;
  labels: { day: string; month: string; year: string };
  values: { day?: string; month?: string; year?: string };
};

// A date with no time: day, month and year boxes named `${id}Day`, `${id}Month`, `${id}Year`.
// The day box comes first, so an error summary link to `${id}Day` lands on it.
export function DateInput({ id, legend, hint, error, labels, values }: DateInputProps) {
  const parts = (
    [
      ["day", "Day", "w-16", 2],
      ["month", "Month", "w-16", 2],
      ["year", "Year", "w-24", 4],
    ] as const
  ).map(([key, suffix, width, maxLength]) => ({
    name: `${id}${suffix}`,
    label: labels[key],
    value: values[key] ?? "",
    width,
    maxLength,
    invalid: Boolean(error),
  }));
  return <DateParts id={id} legend={legend} hint={hint} errors={error ? [error] : []} parts={parts} />;
}
