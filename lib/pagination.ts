// Page numbers arrive from the URL: anything that is not a sensible whole number means page 1.
import { z } from "zod";

export const pageNumberSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

export type Page<T> = { rows: T[]; page: number; pageCount: number; total: number };

export function pageOf<T>(rows: T[], total: number, page: number, size: number): Page<T> {
  return { rows, page, pageCount: Math.max(1, Math.ceil(total / size)), total };
}
