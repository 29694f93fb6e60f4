import { DateParts } from "@/components/form/date-parts";

type Props = {
  id: string;
  legend: string;
  hint: string;
  error?: string;
  labels: { day: string; month: string; year: string };
  values: { day?: string; month?: string; year?: string };
};

// A date with no time: day, month and year boxes named `${id}Day`, `${id}Month`, `${id}Year`.
// The day box comes first, so an error summary link to `${id}Day` lands on it.
export function DateInput({ id, legend, hint, error, labels, values }: Props) {
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
