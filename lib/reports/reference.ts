// Human references for reports, such as SWL-2026-00042: the year the report was received
// and a number that counts up within it. Numbers are handed out by ReferenceCounter.
export const REFERENCE_PREFIX = "SWL";

export function formatReference(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError("year out of range");
  if (!Number.isInteger(sequence) || sequence < 1)
    throw new RangeError("sequence must be a positive integer");
  return `${REFERENCE_PREFIX}-${year}-${String(sequence).padStart(5, "0")}`;
}

const PATTERN = /^SWL-(\d{4})-(\d{5,})$/;

export function parseReference(reference: string): { year: number; sequence: number } | null {
  const match = PATTERN.exec(reference.trim().toUpperCase());
  if (!match) return null;
  return { year: Number(match[1]), sequence: Number(match[2]) };
}
