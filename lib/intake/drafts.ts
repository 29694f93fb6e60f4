// Unfinished intake reports, kept on the server so nothing typed is lost. A draft belongs
// to the officer who started it: nobody else can read, change or submit it.
import { rowScopeOf, withRowScope } from "@/lib/db/scope";

import { recordAudit } from "@/lib/audit/record-audit";
import { can } from "@/lib/authz/scope";
import { isUuid } from "@/lib/ids";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Prisma } from "@/lib/generated/prisma/client";
import { STEP_SCHEMAS } from "./schemas";
import { stepBySlug, type RawValues, type StepSlug } from "./questions";
import { fieldErrorsOf } from "@/lib/forms";
import { hasControlCharacters } from "@/lib/text";
import { env } from "@/lib/env";
import { pageOf, type Page } from "@/lib/pagination";

export const INTAKE_KIND = "report-intake";
// The answers by step, and the working name last searched for on the person step: kept here,
// owner-only, so that it never travels in an address, a browser history or a log.
export type DraftData = Partial<Record<StepSlug, RawValues>> & { search?: { person?: string } };
export type Draft = { id: string; step: string; data: DraftData; updatedAt: Date };

function mayDraft(user: CurrentUser): boolean {
  return can(user, "draft:manage:own") && can(user, "report:create:unit") && user.unitId !== null;
}

export async function startDraft(user: CurrentUser): Promise<string | null> {
  if (!mayDraft(user)) return null;
  return withRowScope(rowScopeOf(user), async (tx) => {
    const draft = await tx.draft.create({
      data: { ownerId: user.id, kind: INTAKE_KIND, step: "person", data: {} },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: user,
      action: "draft.create",
      recordType: "draft",
      recordId: draft.id,
      outcome: "SUCCESS",
    });
    return draft.id;
  });
}

export async function getDraftForUser(user: CurrentUser, draftId: string): Promise<Draft | null> {
  if (!mayDraft(user) || !isUuid(draftId)) return null;
  const draft = await withRowScope(rowScopeOf(user), (tx) =>
    tx.draft.findFirst({
      where: { id: draftId, ownerId: user.id, kind: INTAKE_KIND },
      select: { id: true, step: true, data: true, updatedAt: true },
    }),
  );
  return draft ? { ...draft, data: draft.data as DraftData } : null;
}

export type DraftSummary = { id: string; step: string; workingName: string | null; updatedAt: Date };

// One page of the officer's own drafts, most recently saved first.
export async function findDraftsForUser(user: CurrentUser, page = 1): Promise<Page<DraftSummary>> {
  const size = env().PAGE_SIZE;
  if (!mayDraft(user)) return pageOf([], 0, 1, size);
  const where = { ownerId: user.id, kind: INTAKE_KIND };
  return withRowScope(rowScopeOf(user), async (tx) => {
    const total = await tx.draft.count({ where });
    // A page past the end shows the last page rather than an empty one.
    const current = Math.min(page, Math.max(1, Math.ceil(total / size)));
    const rows = await tx.draft.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (current - 1) * size,
      take: size,
      select: { id: true, step: true, data: true, updatedAt: true },
    });
    return pageOf(rows.map(summaryOf), total, current, size);
  });
}

function summaryOf(d: { id: string; step: string; data: Prisma.JsonValue; updatedAt: Date }): DraftSummary {
  const name = (d.data as DraftData).person?.workingName;
  return {
    id: d.id,
    step: d.step,
    updatedAt: d.updatedAt,
    workingName: typeof name === "string" && name.trim() ? name.trim() : null,
  };
}

// Keeps only the fields the step owns, as strings, so a crafted request cannot store
// anything else in a draft. PostgreSQL's JSON cannot hold NUL, so the draft's copy drops it;
// validation still sees the text as sent and asks for it to be retyped.
const withoutNul = (s: string) => s.replaceAll("\u0000", "");

export function ownedValues(slug: StepSlug, input: unknown, opts: { keepNul?: boolean } = {}): RawValues {
  const clean = opts.keepNul ? (s: string) => s : withoutNul;
  const step = stepBySlug(slug);
  const out: RawValues = {};
  if (!step || typeof input !== "object" || input === null) return out;
  const source = input as Record<string, unknown>;
  for (const q of step.questions) {
    const v = Object.hasOwn(source, q.name) ? source[q.name] : undefined;
    if (q.kind === "checkbox") {
      if (Array.isArray(v))
        out[q.name] = v
          .filter((x): x is string => typeof x === "string")
          .slice(0, 20)
          .map((x) => clean(x.slice(0, 100)));
    } else if (typeof v === "string") {
      out[q.name] = clean(v.slice(0, 25_000));
    }
  }
  return out;
}

export type StepResult =
  | { status: "saved"; fieldErrors: Record<string, string> }
  | { status: "invalid"; fieldErrors: Record<string, string> }
  | { status: "not-found" };

// Saves what was typed (valid or not, so it is never lost) and reports what needs fixing.
export async function saveStep(
  user: CurrentUser,
  draftId: string,
  slug: StepSlug,
  input: unknown,
  opts: { validate: boolean } = { validate: true },
): Promise<StepResult> {
  if (!mayDraft(user) || !isUuid(draftId)) return { status: "not-found" };
  const values = ownedValues(slug, input);
  const parsed = STEP_SCHEMAS[slug].safeParse(ownedValues(slug, input, { keepNul: true }));
  const found = await withRowScope(rowScopeOf(user), async (tx) => {
    // Read, add this step and write back under the row's lock: two saves of one draft at
    // once (two tabs, two app instances) each keep the other's step. The data is encrypted,
    // so the merge cannot be done in SQL.
    await tx.$queryRaw`
      SELECT id FROM "Draft" WHERE id = ${draftId}::uuid AND "ownerId" = ${user.id}::uuid FOR UPDATE`;
    const draft = await tx.draft.findFirst({
      where: { id: draftId, ownerId: user.id, kind: INTAKE_KIND },
      select: { data: true },
    });
    if (!draft) return false;
    const data: DraftData = { ...(draft.data as DraftData), [slug]: values };
    await tx.draft.updateMany({
      where: { id: draftId, ownerId: user.id },
      data: { data: data as Prisma.InputJsonObject, step: slug },
    });
    await recordAudit(tx, {
      actor: user,
      action: "draft.update",
      recordType: "draft",
      recordId: draftId,
      outcome: "SUCCESS",
    });
    return true;
  });
  if (!found) return { status: "not-found" };
  if (!opts.validate || parsed.success) return { status: "saved", fieldErrors: {} };
  return {
    status: "invalid",
    fieldErrors: fieldErrorsOf(parsed.error) as Record<string, string>,
  };
}

export async function discardDraft(user: CurrentUser, draftId: string): Promise<boolean> {
  if (!mayDraft(user) || !isUuid(draftId)) return false;
  return withRowScope(rowScopeOf(user), async (tx) => {
    const { count } = await tx.draft.deleteMany({
      where: { id: draftId, ownerId: user.id, kind: INTAKE_KIND },
    });
    if (count)
      await recordAudit(tx, {
        actor: user,
        action: "draft.discard",
        recordType: "draft",
        recordId: draftId,
        outcome: "SUCCESS",
      });
    return count > 0;
  });
}

export const PERSON_SEARCH_MAX = 100;

// Remembers what the officer searched for on the person step. Text that could not be a name
// (too long, control characters) is kept as no search at all.
export async function savePersonSearch(user: CurrentUser, draftId: string, raw: unknown): Promise<boolean> {
  const draft = await getDraftForUser(user, draftId);
  if (!draft) return false;
  const text = typeof raw === "string" ? raw.trim() : "";
  const personSearch = text.length <= PERSON_SEARCH_MAX && !hasControlCharacters(text) ? text : "";
  const data: DraftData = { ...draft.data, search: { person: personSearch } };
  await withRowScope(rowScopeOf(user), async (tx) => {
    await tx.draft.updateMany({
      where: { id: draft.id, ownerId: user.id },
      data: { data: data as Prisma.InputJsonObject },
    });
    await recordAudit(tx, {
      actor: user,
      action: "draft.update",
      recordType: "draft",
      recordId: draft.id,
      outcome: "SUCCESS",
    });
  });
  return true;
}
