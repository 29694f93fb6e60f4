// The unit's decisions on a third-party submission: mark it as being looked at, open a
// report from it (for a new person or one the unit already knows), or record why no report
// was opened. Each finds the submission by id *and* the user's unit in the same `where`;
// anything else is "not found", changes nothing and is audited as a denial. Each decision is
// taken only from an open state, checked in the update's own `where`, so two officers
// triaging at once cannot both win.
import type { Tx } from "@/lib/db/client";
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { recordAudit } from "@/lib/audit/record-audit";
import { unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isUuid } from "@/lib/ids";
import { fieldErrorsOf } from "@/lib/forms";
import { createSuspect, incidentWhen, nextReference } from "@/lib/intake/submit";
import { DERIVED_REASONS } from "@/lib/intake/enhanced-rights";
import { deriveEnhancedRights } from "@/lib/victims-code/enhanced-rights";
import type { AgeBand, Answer } from "@/lib/generated/prisma/enums";
import { TRIAGE_FIELDS, WISH_TO_WANTS, triageSchema, type SubmissionAnswers } from "./schema";

export type TriageResult =
  | { status: "done"; reportId?: string }
  | {
      status: "invalid";
      values: Partial<Record<string, string>>;
      fieldErrors: Partial<Record<string, string>>;
      formError?: string;
    }
  | { status: "not-found" };

const OPEN = ["RECEIVED", "BEING_LOOKED_AT"] as const;

type Found = {
  id: string;
  unitId: string;
  createdAt: Date;
  wish: keyof typeof WISH_TO_WANTS;
  answers: unknown;
  agencyId: string;
  agency: { name: string };
};

// Thrown inside the transaction when the submission was decided meanwhile: the report it
// would have created is rolled back with it.
class AlreadyDecided extends Error {}

async function withUnitSubmission(
  user: CurrentUser,
  submissionId: string,
  action: string,
  change: (tx: Tx, found: Found) => Promise<TriageResult>,
): Promise<TriageResult> {
  const unitId = unitScope(user, "submission:triage:unit");
  try {
    return await withRowScope(rowScopeOf(user), async (tx) => {
      const found =
        unitId && isUuid(submissionId)
          ? await tx.thirdPartySubmission.findFirst({
              where: { id: submissionId, unitId },
              select: {
                id: true,
                unitId: true,
                createdAt: true,
                wish: true,
                answers: true,
                agencyId: true,
                agency: { select: { name: true } },
              },
            })
          : null;
      if (!found) {
        await recordAudit(tx, {
          actor: user,
          action,
          recordType: "submission",
          recordId: isUuid(submissionId) ? submissionId : undefined,
          outcome: "DENIED",
        });
        return { status: "not-found" };
      }
      const result = await change(tx, found);
      if (result.status === "done")
        await recordAudit(tx, {
          actor: user,
          action,
          recordType: "submission",
          recordId: found.id,
          outcome: "SUCCESS",
        });
      return result;
    });
  } catch (error) {
    if (error instanceof AlreadyDecided)
      return { status: "invalid", values: {}, fieldErrors: {}, formError: "thirdParty.errors.stateChanged" };
    throw error;
  }
}

export async function markSubmissionBeingLookedAt(user: CurrentUser, submissionId: string) {
  return withUnitSubmission(user, submissionId, "submission.look", async (tx, found) => {
    const changed = await tx.thirdPartySubmission.updateMany({
      where: { id: found.id, unitId: found.unitId, status: "RECEIVED" },
      data: { status: "BEING_LOOKED_AT" },
    });
    if (changed.count !== 1) throw new AlreadyDecided();
    return { status: "done" };
  });
}

const formValues = (raw: Record<string, unknown>) =>
  Object.fromEntries(TRIAGE_FIELDS.map((f) => [f, typeof raw[f] === "string" ? raw[f] : ""]));

export async function triageSubmission(
  user: CurrentUser,
  submissionId: string,
  raw: Record<string, unknown>,
  now = new Date(),
): Promise<TriageResult> {
  return withUnitSubmission(user, submissionId, "submission.triage", async (tx, found) => {
    const parsed = triageSchema.safeParse(raw);
    if (!parsed.success)
      return {
        status: "invalid",
        values: formValues(raw),
        fieldErrors: fieldErrorsOf(parsed.error, {
          prefix: "thirdParty.errors",
          fields: TRIAGE_FIELDS,
          fallbackField: "decision",
        }),
      };
    const triaged = { triagedById: user.id, triagedAt: now };
    if (parsed.data.decision === "NOT_OPENED") {
      const changed = await tx.thirdPartySubmission.updateMany({
        where: { id: found.id, unitId: found.unitId, status: { in: [...OPEN] } },
        data: { status: "CLOSED", notOpenedReason: parsed.data.notOpenedReason, ...triaged },
      });
      if (changed.count !== 1) throw new AlreadyDecided();
      return { status: "done" };
    }
    const personId =
      parsed.data.decision === "EXISTING_PERSON"
        ? await existingPerson(tx, found.unitId, parsed.data.personId)
        : await newPerson(tx, user, found);
    if (!personId)
      return {
        status: "invalid",
        values: formValues(raw),
        fieldErrors: { personId: "thirdParty.errors.person" },
      };
    const reportId = await openReport(tx, user, found, personId, now);
    const changed = await tx.thirdPartySubmission.updateMany({
      where: { id: found.id, unitId: found.unitId, status: { in: [...OPEN] } },
      data: { status: "REPORT_OPENED", reportId, ...triaged },
    });
    if (changed.count !== 1) throw new AlreadyDecided();
    return { status: "done", reportId };
  });
}

async function existingPerson(tx: Tx, unitId: string, personId: string): Promise<string | null> {
  const person = await tx.person.findFirst({ where: { id: personId, unitId }, select: { id: true } });
  return person?.id ?? null;
}

async function newPerson(tx: Tx, user: CurrentUser, found: Found): Promise<string> {
  const answers = found.answers as SubmissionAnswers;
  const person = await tx.person.create({
    data: {
      unitId: found.unitId,
      createdById: user.id,
      // The partner's name for them, or a placeholder that says where the report came from.
      workingName: answers.workingName || `Anonymous (via ${found.agency.name})`,
      // So the person's page and the report's wording treat a child as a child from the start.
      ...(answers.about?.ageBand ? { ageBand: answers.about.ageBand as AgeBand } : {}),
      ...(answers.about?.dateOfBirth ? { dateOfBirth: answers.about.dateOfBirth } : {}),
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

const orNull = (s: string | undefined) => (s ? s : null);
const answer = (s: string | undefined) => (s ? (s as Answer) : null);

async function openReport(tx: Tx, user: CurrentUser, found: Found, personId: string, now: Date) {
  const a = found.answers as SubmissionAnswers;
  const happened = a["what-happened"];
  const wants = WISH_TO_WANTS[found.wish];
  const derived = deriveEnhancedRights(happened.incidentTypes);
  const report = await tx.incidentReport.create({
    data: {
      reference: await nextReference(tx, found.unitId, now.getUTCFullYear()),
      unitId: found.unitId,
      personId,
      assignedOfficerId: user.id,
      createdById: user.id,
      // Reported when the partner told the unit, not when an officer got to it.
      reportedAt: found.createdAt,
      ...incidentWhen(happened),
      area: orNull(happened.area),
      place: orNull(happened.place),
      incidentTypes: happened.incidentTypes,
      relationship: a.who.relationship || "UNKNOWN",
      personWants: wants,
      initialPersonWants: wants,
      narrative: orNull(a.account.narrative),
      reportingRoute: "PARTNER_AGENCY",
      submittedByAgencyId: found.agencyId,
      immediateDanger: answer(a.safety.immediateDanger),
      injuriesNeedingCare: answer(a.safety.injuriesNeedingCare),
      threatsOfFurtherHarm: answer(a.safety.threatsOfFurtherHarm),
      riskFromExploiter: answer(a.safety.riskFromExploiter),
      enhancedRights: derived.enhanced,
      enhancedRightsByOfficer: false,
      enhancedRightsReason: DERIVED_REASONS[derived.basis],
      // One report per submission, whatever happens to the submission row.
      idempotencyKey: `third-party:${found.id}`,
    },
    select: { id: true },
  });
  await createSuspect(tx, found.unitId, report.id, a.who);
  await recordAudit(tx, {
    actor: user,
    action: "report.create",
    recordType: "report",
    recordId: report.id,
    outcome: "SUCCESS",
  });
  return report.id;
}
