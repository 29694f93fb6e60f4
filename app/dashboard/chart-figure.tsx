import type { ReactNode } from "react";

// A chart with its title and a text summary. The drawing itself is hidden from assistive
// technology: the summary says what it shows and the table that follows has every figure.
export function ChartFigure({
  id,
  title,
  summary,
  note,
  children,
}: {
  id: string;
  title: string;
  summary: ReactNode;
  note: string;
  children: ReactNode;
}) {
  return (
    <figure aria-labelledby={`${id}-title`} className="chart-figure mb-4">
      <figcaption id={`${id}-title`} className="font-bold">
        {title}
      </figcaption>
      <p className="mb-2 max-w-3xl">{summary}</p>
      <div aria-hidden="true" className="chart-drawing min-h-[1px]">
        {children}
      </div>
      <p className="sr-only">{note}</p>
    </figure>
  );
}
