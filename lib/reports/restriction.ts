// Need to know. A restricted case (a suspect who is police or an official, or a supervisor's
// decision) is seen in full only by its assigned officer and the unit's supervisors. Anyone
// else in the unit sees its reference and that it is restricted, and may open it only by a
// recorded override, for the session they are in, which the supervisors review.
//
// Every query that could show a case's content adds `openableReportWhere(user)` to its
// `where` (on the report, or on the `report` relation of a contact, event or referral), so
// the rule holds in the data layer whatever page or action asks.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { roleHas } from "@/lib/authz/permissions";

type Reader = Pick<CurrentUser, "id" | "sessionId" | "role">;

// The reports this user may see in full. Supervisors see all of the unit's; anyone else
// sees unrestricted ones, their own, and the ones they opened by override this session.
export function openableReportWhere(user: Reader): Prisma.IncidentReportWhereInput {
  if (roleHas(user.role, "report:read:restricted")) return {};
  return {
    AND: [
      {
        OR: [
          { restricted: false },
          { assignedOfficerId: user.id },
          { accessOverrides: { some: { userId: user.id, sessionId: user.sessionId } } },
        ],
      },
    ],
  };
}

// For contacts, which may stand alone or belong to a report.
export function openableContactWhere(user: Reader): Prisma.LiaisonContactWhereInput {
  const openable = openableReportWhere(user);
  if (Object.keys(openable).length === 0) return {};
  return { AND: [{ OR: [{ reportId: null }, { report: openable }] }] };
}

// A list row for a case the user may not open: its reference, and nothing more.
export type RestrictedRow = { id: string; reference: string; restricted: true };

// Whether the user sees this report's content, given what a list query selected.
export function isOpenableBy(
  user: Reader,
  report: { restricted: boolean; assignedOfficerId: string | null; openedByOverride: boolean },
): boolean {
  return (
    !report.restricted ||
    roleHas(user.role, "report:read:restricted") ||
    report.assignedOfficerId === user.id ||
    report.openedByOverride
  );
}

// What a list query selects to decide isOpenableBy: add it to the report's `select`.
export function restrictionSelect(user: Reader) {
  return {
    restricted: true,
    assignedOfficerId: true,
    accessOverrides: {
      where: { userId: user.id, sessionId: user.sessionId },
      select: { id: true },
      take: 1,
    },
  } as const;
}

type SelectedRestriction = {
  restricted: boolean;
  assignedOfficerId: string | null;
  accessOverrides: { id: string }[];
};

// Maps selected rows: openable ones through `full`, the others to their reference only.
export function maskRestricted<Row extends SelectedRestriction & { id: string; reference: string }, Out>(
  user: Reader,
  rows: Row[],
  full: (row: Row) => Out,
): (Out | RestrictedRow)[] {
  return rows.map((row) =>
    isOpenableBy(user, { ...row, openedByOverride: row.accessOverrides.length > 0 })
      ? full(row)
      : { id: row.id, reference: row.reference, restricted: true as const },
  );
}

export function isRestrictedRow(row: object): row is RestrictedRow {
  return "restricted" in row && (row as { restricted: unknown }).restricted === true;
}

// For pickers (link a contact or referral to a case): only cases the user may open.
export function withoutRestricted<Row extends object>(rows: (Row | RestrictedRow)[]): Row[] {
  return rows.filter((row): row is Row => !isRestrictedRow(row));
}
