"use server";

import { z } from "zod";
import { requirePermission } from "@/lib/auth/session-user";
import { hasControlCharacters } from "@/lib/text";
import {
  findPeopleByWorkingName,
  SEARCH_LIMIT,
  SEARCH_MAX_LENGTH,
  type PersonSearchRow,
} from "@/lib/people/queries";

export type PeopleSearchState = {
  status: "idle" | "invalid" | "done";
  query: string;
  results: PersonSearchRow[];
  limited: boolean;
};

// The search is a POST, so a working name never appears in an address, a log or history.
const searchSchema = z.strictObject({
  query: z
    .string()
    .trim()
    .min(1)
    .max(SEARCH_MAX_LENGTH)
    .refine((text) => !hasControlCharacters(text)),
});

export async function searchPeopleAction(
  _previous: PeopleSearchState,
  form: FormData,
): Promise<PeopleSearchState> {
  const user = await requirePermission("person:read:unit");
  const typed = form.get("query");
  const query = typeof typed === "string" ? typed.slice(0, 1000) : "";
  const parsed = searchSchema.safeParse({ query: typed });
  if (!parsed.success) return { status: "invalid", query, results: [], limited: false };
  const results = await findPeopleByWorkingName(user, parsed.data.query);
  return { status: "done", query, results, limited: results.length >= SEARCH_LIMIT };
}
