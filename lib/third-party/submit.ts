// A partner's report on behalf of someone they support. It goes to a unit the partner's
// agency works with (UnitAgencyLink) and nowhere else; the page's idempotency key makes a
// double-clicked or resent submit one submission.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { rowScopeOf, withRowScope } from "@/lib/db/scope";
import { recordAudit } from "@/lib/audit/record-audit";
import { agencyScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RawValues } from "@/lib/intake/questions";
import { parseSubmission, submittedValues } from "./schema";

export type SubmitThirdPartyResult =
  | { status: "submitted"; submissionId: string }
  | { status: "invalid"; values: RawValues; fieldErrors: Record<string, string> }
  | { status: "not-found" };

// The units a partner may report to, by name, for the form's choice.
export async function findLinkedUnits(user: CurrentUser): Promise<{ id: string; name: string }[]> {
  const agencyId = agencyScope(user, "report:submit:third-party");
  if (!agencyId) return [];
  const links = await db().unitAgencyLink.findMany({
    where: { agencyId },
    select: { unit: { select: { id: true, name: true } } },
    orderBy: { unit: { name: "asc" } },
  });
  return links.map((l) => l.unit);
}

async function earlier(agencyId: string, idempotencyKey: string) {
  const found = await withRowScope({ unitId: null, agencyId }, (tx) =>
    tx.thirdPartySubmission.findFirst({ where: { idempotencyKey, agencyId }, select: { id: true } }),
  );
  return found ? ({ status: "submitted", submissionId: found.id } as const) : null;
}

export async function submitThirdPartyReport(
  user: CurrentUser,
  raw: Record<string, unknown>,
): Promise<SubmitThirdPartyResult> {
  const agencyId = agencyScope(user, "report:submit:third-party");
  if (!agencyId) return { status: "not-found" };
  const parsed = parseSubmission(raw);
  if (!parsed.ok) return { status: "invalid", values: parsed.values, fieldErrors: parsed.fieldErrors };
  const { unitId, anonymous, wish, idempotencyKey, answers, concerns } = parsed.data;
  const resent = await earlier(agencyId, idempotencyKey);
  if (resent) return resent;
  try {
    return await withRowScope(rowScopeOf(user), async (tx): Promise<SubmitThirdPartyResult> => {
      const link = await tx.unitAgencyLink.findUnique({
        where: { unitId_agencyId: { unitId, agencyId } },
        select: { unitId: true },
      });
      // A unit the agency does not work with is refused like a wrong answer.
      if (!link)
        return {
          status: "invalid",
          values: submittedValues(raw),
          fieldErrors: { unitId: "thirdParty.errors.unit" },
        } satisfies SubmitThirdPartyResult;
      const submission = await tx.thirdPartySubmission.create({
        data: {
          unitId,
          agencyId,
          submittedById: user.id,
          answers: answers as unknown as Prisma.InputJsonValue,
          anonymous,
          wish,
          idempotencyKey,
          // The unit's queue flags these at once, whatever the wish (docs/decisions/019).
          safeguardingConcerns: concerns,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor: user,
        action: "submission.create",
        recordType: "submission",
        recordId: submission.id,
        outcome: "SUCCESS",
      });
      return { status: "submitted", submissionId: submission.id } satisfies SubmitThirdPartyResult;
    });
  } catch (error) {
    // A second submit racing the first loses on the key: answer with the first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const first = await earlier(agencyId, idempotencyKey);
      if (first) return first;
      return { status: "not-found" };
    }
    throw error;
  }
}
