type Props = {
  id: string;
  legend: string;
  hint: string;
  error?: string;
  labels: { day: string; month: string; year: string };
  values: { day?: string; month?: string; year?: string };
};

// The GOV.UK date pattern: day, month and year in three labelled boxes inside a fieldset.
// The day box carries the field's id so an error summary link lands on it.
export function DateInput({ id, legend, hint, error, labels, values }: Props) {
  const hintId = `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;
  const parts = [
    { key: "day" as const, width: "w-14", maxLength: 2 },
    { key: "month" as const, width: "w-14", maxLength: 2 },
    { key: "year" as const, width: "w-20", maxLength: 4 },
  ];
  const suffix = { day: "Day", month: "Month", year: "Year" } as const;
  return (
    <fieldset
      className={`mb-6 ${error ? "border-l-4 border-danger pl-3" : ""}`}
      aria-describedby={[hintId, errorId].filter(Boolean).join(" ")}
    >
      <legend className="mb-1 font-bold">{legend}</legend>
      <p id={hintId} className="mb-1 text-muted">
        {hint}
      </p>
      {error && (
        <p id={errorId} className="mb-1 font-bold text-danger">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
      <div className="flex gap-4">
        {parts.map((p) => {
          const inputId = `${id}${suffix[p.key]}`;
          return (
            <div key={p.key}>
              <label htmlFor={inputId} className="mb-1 block">
                {labels[p.key]}
              </label>
              <input
                id={inputId}
                name={inputId}
                inputMode="numeric"
                maxLength={p.maxLength}
                autoComplete="off"
                defaultValue={values[p.key] ?? ""}
                aria-invalid={error ? true : undefined}
                className={`block border-2 px-2 py-1.5 ${p.width} ${error ? "border-danger" : "border-ink"}`}
              />
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
