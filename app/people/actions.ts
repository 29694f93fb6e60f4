"use server";

import { z } from "zod";
import { notFound } from "next/navigation";
import { can } from "@/lib/authz/scope";
import { submittedForm, type FormState } from "@/lib/forms";
import { safeAction } from "@/lib/forms/safe-action";
import { hasControlCharacters } from "@/lib/text";
import {
  findPeopleByWorkingName,
  SEARCH_LIMIT,
  SEARCH_MAX_LENGTH,
  type PersonSearchRow,
} from "@/lib/people/queries";

// "failed" and "signed-out" come from the form-action wrapper, with the words typed.
export type PeopleSearchState = Omit<FormState<{ query: string }>, "status"> & {
  status: "idle" | "invalid" | "done" | "failed" | "signed-out";
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
  submitted: unknown,
): Promise<PeopleSearchState> {
  const form = submittedForm(submitted);
  const typed = form.get("query");
  const values = { query: typeof typed === "string" ? typed.slice(0, 1000) : "" };
  const answer = { values, fieldErrors: {}, results: [], limited: false };
  return safeAction<PeopleSearchState>("Searching for people", values, async (user) => {
    if (!can(user, "person:read:unit")) notFound();
    const parsed = searchSchema.safeParse({ query: typed });
    if (!parsed.success) return { ...answer, status: "invalid" };
    const results = await findPeopleByWorkingName(user, parsed.data.query);
    return { ...answer, status: "done", results, limited: results.length >= SEARCH_LIMIT };
  });
}
