// Erasure after a retention review (docs/decisions/020). Erasing a person removes everything
// that identifies or describes anyone — names, dates of birth, contact details, narratives,
// notes, suspect descriptions and identifiers, referral text — but keeps the rows and the
// coded facts the dashboard counts (dates, statuses, offence types, outcomes, work setting,
// age band), so the figures for past periods do not change. Rows are blanked, not deleted:
// deleting a report would take its summary facts with it.
//
// Only a supervisor of the person's unit may erase, and only within minutes of re-entering
// their password (requireRecentAuth in the page's action; checked here again). The audit
// event names the person's id and nothing of the content.
import { recordAudit } from "@/lib/audit/record-audit";
import { hasRecentAuth } from "@/lib/auth/recent-auth";
import type { CurrentUser } from "@/lib/auth/current-user";
import { roleHas } from "@/lib/authz/permissions";
import { Prisma } from "@/lib/generated/prisma/client";
import { rowScopeOf, withRowScope } from "@/lib/db/scope";

export const ERASED_NAME = "Erased record";

// A person with hundreds of reports takes longer than the default five seconds to blank.
const ERASE_OPTIONS = { timeout: 60_000 };

export class RetentionRefused extends Error {
  constructor(public readonly reason: "forbidden" | "not-found" | "reauth") {
    super(`Erasure refused: ${reason}`);
  }
}

// Every refusal leaves its own DENIED event (written after the refused transaction, if any,
// has rolled back), so an attempt to erase without the right is as visible as an erasure.
async function refuse(
  user: CurrentUser,
  personId: string,
  reason: RetentionRefused["reason"],
): Promise<never> {
  await withRowScope(rowScopeOf(user), (tx) =>
    recordAudit(tx, {
      actor: user,
      action: "retention.erase",
      recordType: "Person",
      recordId: personId,
      outcome: "DENIED",
    }),
  );
  throw new RetentionRefused(reason);
}

export async function erasePerson(user: CurrentUser, personId: string, now = new Date()): Promise<void> {
  if (!roleHas(user.role, "retention:review:unit") || !user.unitId)
    return refuse(user, personId, "forbidden");
  if (!(await hasRecentAuth(user, now))) return refuse(user, personId, "reauth");
  try {
    await eraseInUnit(user, user.unitId, personId);
  } catch (error) {
    if (error instanceof RetentionRefused) return refuse(user, personId, error.reason);
    throw error;
  }
}

// One transaction in the supervisor's row scope: every table is blanked, the decision
// recorded and the audit event written together, or nothing is.
async function eraseInUnit(user: CurrentUser, unitId: string, personId: string): Promise<void> {
  await withRowScope(
    rowScopeOf(user),
    async (tx) => {
      const person = await tx.person.findFirst({ where: { id: personId, unitId }, select: { id: true } });
      if (!person) throw new RetentionRefused("not-found");
      const reports = await tx.incidentReport.findMany({ where: { personId, unitId }, select: { id: true } });
      const reportIds = reports.map((r) => r.id);

      await tx.person.update({
        where: { id: personId },
        data: {
          workingName: ERASED_NAME,
          selfDescription: null,
          legalName: null,
          dateOfBirth: null,
          interpreterNeeds: null,
          accessNeeds: null,
          phone: null,
          email: null,
          safeContactTimes: null,
          doNotContactRules: null,
        },
      });
      for (const id of reportIds)
        await tx.incidentReport.update({
          where: { id },
          data: {
            narrative: null,
            place: null,
            crimeReference: null,
            crimeNotRecordedWhy: null,
            enhancedRightsReason: null,
            supportNeeds: null,
          },
        });
      await tx.caseEvent.updateMany({
        where: { reportId: { in: reportIds } },
        data: {
          crimeReference: null,
          offence: null,
          sentence: null,
          notes: null,
          dateExplanation: null,
          diversionaryActivity: null,
        },
      });
      // Suspect rows stay (charged-suspect counts name them); what describes them goes.
      await tx.suspectIdentifier.deleteMany({ where: { suspect: { reportId: { in: reportIds } } } });
      await tx.suspect.updateMany({ where: { reportId: { in: reportIds } }, data: { description: null } });
      await tx.liaisonContact.updateMany({ where: { personId, unitId }, data: { notes: null } });
      await tx.riskAssessment.updateMany({
        where: { reportId: { in: reportIds } },
        data: { rationale: "", safetyPlan: null },
      });
      await tx.safeguardingRecord.updateMany({
        where: { reportId: { in: reportIds } },
        data: { referredTo: null, notMadeReason: null },
      });
      const referrals = await tx.referral.findMany({ where: { personId, unitId }, select: { id: true } });
      const referralIds = referrals.map((r) => r.id);
      await tx.referral.updateMany({
        where: { id: { in: referralIds } },
        data: {
          supportNeeded: "",
          contactNote: null,
          reason: null,
          officerContact: null,
          shared: Prisma.DbNull,
          declineReason: null,
          closeNote: null,
        },
      });
      await tx.referralUpdate.updateMany({ where: { referralId: { in: referralIds } }, data: { text: "" } });
      await tx.consent.updateMany({ where: { personId }, data: { overrideReason: null } });
      await tx.retentionDecision.create({
        data: { unitId, recordType: "Person", recordId: personId, outcome: "ERASE", decidedById: user.id },
      });
      await recordAudit(tx, {
        actor: user,
        action: "retention.erase",
        recordType: "Person",
        recordId: personId,
        outcome: "SUCCESS",
      });
    },
    ERASE_OPTIONS,
  );
}
