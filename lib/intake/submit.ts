// Turns a finished draft into a report, in one transaction: the person (found or new),
// the report with its reference, any suspect and identifiers, any consent to share, and
// the audit events. The draft's id is the idempotency key, so a double-clicked or resent
// submit creates one report.
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/ids";
import type { CurrentUser } from "@/lib/auth/current-user";
import { formatReference } from "@/lib/reports/reference";
import { normaliseIdentifier } from "@/lib/suspects/normalise";
import type { SafeguardingConcern } from "@/lib/generated/prisma/enums";
import { STEP_SCHEMAS, splitLines, type IntakeAnswers } from "./schemas";
import { londonTodayIso, parseDay, reportedInstant } from "./dates";
import { PANELS, activeConcerns, referralErrors } from "./safeguarding";
import { decideEnhancedRights } from "./enhanced-rights";
import { STEP_SLUGS, type StepSlug } from "./questions";
import { getDraftForUser, INTAKE_KIND, type DraftData } from "./drafts";
import { londonDateTimeToUtc as londonToUtc } from "@/lib/time/london";
import { fieldErrorsOf } from "@/lib/forms";
import { openableReportWhere } from "@/lib/reports/restriction";
import { unitScope } from "@/lib/authz/scope";

export type SubmitResult =
  | { status: "created"; reportId: string; reference: string }
  | { status: "invalid"; errors: Partial<Record<StepSlug, Record<string, string>>> }
  | { status: "not-found" };

type StepErrors = Partial<Record<StepSlug, Record<string, string>>>;

// Each step on its own, then the rules that span steps: a person who was a child at the
// incident (by date of birth) needs the child safeguarding panel answered even when they
// are an adult today.
export function validateDraft(
  data: DraftData,
  now: Date = new Date(),
): { answers: IntakeAnswers; concerns: SafeguardingConcern[] } | { errors: StepErrors } {
  const errors: StepErrors = {};
  const answers: Partial<IntakeAnswers> = {};
  for (const slug of STEP_SLUGS) {
    const parsed = STEP_SCHEMAS[slug].safeParse(data[slug] ?? {});
    if (parsed.success) (answers as Record<string, unknown>)[slug] = parsed.data;
    else errors[slug] = fieldErrorsOf(parsed.error) as Record<string, string>;
  }
  const concerns = activeConcerns(data, londonTodayIso(now));
  for (const concern of concerns) {
    const { step } = PANELS[concern];
    const found = referralErrors(data[step] ?? {}, concern);
    if (Object.keys(found).length) errors[step] = { ...found, ...errors[step] };
  }
  return Object.keys(errors).length ? { errors } : { answers: answers as IntakeAnswers, concerns };
}

async function existingSubmission(user: CurrentUser, draftId: string, unitId: string) {
  const report = await withRowScope(rowScopeOf(user), (tx) =>
    tx.incidentReport.findFirst({
      where: { idempotencyKey: draftId, unitId, createdById: user.id },
      select: { id: true, reference: true },
    }),
  );
  return report ? ({ status: "created", reportId: report.id, reference: report.reference } as const) : null;
}

export async function submitDraft(user: CurrentUser, draftId: string): Promise<SubmitResult> {
  const unitId = user.unitId;
  if (!unitId || !isUuid(draftId)) return { status: "not-found" };
  const draft = await getDraftForUser(user, draftId);
  if (!draft) return (await existingSubmission(user, draftId, unitId)) ?? { status: "not-found" };
  const now = new Date();
  const checked = validateDraft(draft.data, now);
  if ("errors" in checked) return { status: "invalid", errors: checked.errors };
  try {
    return await withRowScope(rowScopeOf(user), (tx) =>
      createReport(tx, user, unitId, draftId, checked.answers, checked.concerns, now),
    );
  } catch (error) {
    if (error instanceof IntakeConflict) {
      return { status: "invalid", errors: { [error.step]: { [error.field]: error.messageKey } } };
    }
    // A second submit racing the first loses on the idempotency key: answer with the first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const first = await existingSubmission(user, draftId, unitId);
      if (first) return first;
    }
    throw error;
  }
}

export async function nextReference(tx: Tx, unitId: string, year: number): Promise<string> {
  const [row] = await tx.$queryRaw<{ sequence: number }[]>(Prisma.sql`
    INSERT INTO "ReferenceCounter" ("unitId", "year", "next") VALUES (${unitId}::uuid, ${year}, 2)
    ON CONFLICT ("unitId", "year") DO UPDATE SET "next" = "ReferenceCounter"."next" + 1
    RETURNING "next" - 1 AS sequence`);
  if (!row) throw new Error("reference counter returned no row");
  return formatReference(year, Number(row.sequence));
}

export function incidentWhen(a: IntakeAnswers["what-happened"]) {
  if (a.whenKnown === "EXACT" && a.incidentDate) {
    const at = londonToUtc(a.incidentDate, a.incidentTime || "00:00");
    return { incidentDatePrecision: "EXACT" as const, incidentFrom: at, incidentTo: null };
  }
  if (a.periodFrom) {
    return {
      incidentDatePrecision: "APPROXIMATE" as const,
      incidentFrom: londonToUtc(a.periodFrom),
      incidentTo: a.periodTo ? londonToUtc(a.periodTo, "23:59") : null,
    };
  }
  return { incidentDatePrecision: "UNKNOWN" as const, incidentFrom: null, incidentTo: null };
}

const orNull = (s: string) => (s === "" ? null : s);
const answer = (s: string) => (s === "" ? null : (s as "YES" | "NO" | "NOT_KNOWN" | "PREFER_NOT_TO_SAY"));

async function findOrCreatePerson(
  tx: Tx,
  user: CurrentUser,
  unitId: string,
  p: IntakeAnswers["person"],
): Promise<string | null> {
  if (isUuid(p.existingPersonId)) {
    const found = await tx.person.findFirst({
      where: { id: p.existingPersonId, unitId },
      select: { id: true },
    });
    return found?.id ?? null;
  }
  // Recording someone new is its own permission, checked here where the row is written.
  if (!unitScope(user, "person:create:unit")) return null;
  const person = await tx.person.create({
    data: {
      unitId,
      createdById: user.id,
      workingName: p.workingName,
      selfDescription: orNull(p.selfDescription),
      ageBand: p.ageBand || null,
      dateOfBirth: p.dateOfBirth || null,
      workSetting: p.workSetting || null,
      language: p.language || "ENGLISH",
      interpreterNeeds: orNull(p.interpreterNeeds),
      accessNeeds: orNull(p.accessNeeds),
      safeContactMethods: p.safeContactMethods,
      safeContactTimes: orNull(p.safeContactTimes),
      doNotContactRules: orNull(p.doNotContactRules),
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actor: user,
    action: "person.create",
    recordType: "person",
    recordId: person.id,
    outcome: "SUCCESS",
  });
  return person.id;
}

async function createReport(
  tx: Tx,
  user: CurrentUser,
  unitId: string,
  draftId: string,
  a: IntakeAnswers,
  concerns: SafeguardingConcern[],
  now: Date,
): Promise<SubmitResult> {
  const personId = await findOrCreatePerson(tx, user, unitId, a.person);
  if (!personId)
    return { status: "invalid", errors: { person: { existingPersonId: "intake.errors.personGone" } } };
  const wants = a.wishes.personWants || "UNDECIDED";
  const reportedDay = parseDay(a["what-happened"].reportedAt) ?? londonTodayIso(now);
  const rights = decideEnhancedRights(
    a.safety.enhancedRights,
    a.safety.enhancedRightsReason,
    a["what-happened"].incidentTypes,
  );
  const report = await tx.incidentReport.create({
    data: {
      reference: await nextReference(tx, unitId, now.getUTCFullYear()),
      unitId,
      personId,
      assignedOfficerId: user.id,
      createdById: user.id,
      reportedAt: reportedInstant(reportedDay, now),
      ...incidentWhen(a["what-happened"]),
      area: orNull(a["what-happened"].area),
      place: orNull(a["what-happened"].place),
      incidentTypes: a["what-happened"].incidentTypes,
      relationship: a.who.relationship || "UNKNOWN",
      personWants: wants,
      initialPersonWants: wants,
      narrative: orNull(a.account.narrative),
      // Unanswered stays unanswered: guessing "direct" would inflate the trust figure.
      reportingRoute: a.crime.reportingRoute || null,
      crimeRecorded: answer(a.crime.crimeRecorded),
      crimeReference: orNull(a.crime.crimeReference),
      crimeNotRecordedWhy: orNull(a.crime.crimeNotRecordedWhy),
      immediateDanger: answer(a.person.immediateDanger),
      injuriesNeedingCare: answer(a.person.injuriesNeedingCare),
      threatsOfFurtherHarm: answer(a.person.threatsOfFurtherHarm),
      riskFromExploiter: answer(a.person.riskFromExploiter),
      enhancedRights: rights.enhanced,
      enhancedRightsByOfficer: rights.byOfficer,
      enhancedRightsReason: rights.reason,
      supportNeeds: orNull(a.safety.supportNeeds),
      idempotencyKey: draftId,
    },
    select: { id: true, reference: true },
  });
  await createSuspect(tx, unitId, report.id, a.who);
  await recordSafeguarding(tx, user, unitId, report.id, a, concerns);
  if (a.wishes.shareConsent === "YES") {
    const agency = await tx.organisation.findFirst({
      where: { id: a.wishes.shareAgencyId, kind: "PARTNER_AGENCY" },
      select: { id: true },
    });
    if (!agency) throw new IntakeConflict("wishes", "shareAgencyId", "intake.errors.agency");
    await tx.consent.create({
      data: {
        personId,
        agencyId: agency.id,
        scope: a.wishes.shareScope,
        method: a.wishes.consentMethod || "VERBAL",
        givenAt: now,
        expiresAt: a.wishes.shareUntil ? londonToUtc(a.wishes.shareUntil, "23:59") : null,
        recordedById: user.id,
      },
    });
  }
  await tx.draft.deleteMany({ where: { id: draftId, ownerId: user.id, kind: INTAKE_KIND } });
  await recordAudit(tx, {
    actor: user,
    action: "report.create",
    recordType: "report",
    recordId: report.id,
    outcome: "SUCCESS",
  });
  return { status: "created", reportId: report.id, reference: report.reference };
}

export async function createSuspect(tx: Tx, unitId: string, reportId: string, who: IntakeAnswers["who"]) {
  const identifiers = (
    [
      ["VEHICLE_REGISTRATION", who.vehicleRegistrations],
      ["PHONE_NUMBER", who.phoneNumbers],
      ["ONLINE_HANDLE", who.onlineHandles],
    ] as const
  ).flatMap(([kind, text]) =>
    splitLines(text).flatMap((value) => {
      const normalised = normaliseIdentifier(kind, value);
      return normalised ? [{ kind, value, normalised, unitId }] : [];
    }),
  );
  if (!who.relationship && !who.suspectDescription && identifiers.length === 0) return;
  await tx.suspect.create({
    data: {
      reportId,
      relationship: who.relationship || "UNKNOWN",
      description: orNull(who.suspectDescription),
      identifiers: { create: identifiers },
    },
  });
}

// One record per concern raised: whether a referral was made, and to whom or why not.
async function recordSafeguarding(
  tx: Tx,
  user: CurrentUser,
  unitId: string,
  reportId: string,
  a: IntakeAnswers,
  concerns: SafeguardingConcern[],
) {
  for (const concern of concerns) {
    const { prefix, step } = PANELS[concern];
    const values = a[step] as Record<string, unknown>;
    const field = (name: string) => String(values[`${prefix}${name}`] ?? "").trim();
    const referralMade = field("ReferralMade") === "YES";
    const record = await tx.safeguardingRecord.create({
      data: {
        reportId,
        unitId,
        concern,
        referralMade,
        referredTo: referralMade ? orNull(field("ReferredTo")) : null,
        notMadeReason: referralMade ? null : orNull(field("NotMadeReason")),
        recordedById: user.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: user,
      action: "safeguarding.create",
      recordType: "safeguarding",
      recordId: record.id,
      outcome: "SUCCESS",
    });
  }
}

// Raised inside the transaction when a choice stopped being valid after it was made
// (e.g. an agency was removed); the transaction rolls back and the officer is told.
export class IntakeConflict extends Error {
  constructor(
    readonly step: StepSlug,
    readonly field: string,
    readonly messageKey: string,
  ) {
    super(messageKey);
  }
}

// The confirmation after submitting: the officer who created the report sees its reference.
export async function getSubmittedReport(user: CurrentUser, reportId: string) {
  const unitId = user.unitId;
  if (!unitId || !isUuid(reportId)) return null;
  return withRowScope(rowScopeOf(user), (tx) =>
    tx.incidentReport.findFirst({
      where: { id: reportId, unitId, createdById: user.id, ...openableReportWhere(user) },
      select: { id: true, reference: true },
    }),
  );
}
