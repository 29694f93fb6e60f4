// Accounts, for administrators and for supervisors choosing an officer.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record-audit";
import { can, unitScope } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";
import { pageOf, type Page } from "@/lib/pagination";
import type { Role } from "@/lib/generated/prisma/enums";

export type UserRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisationName: string;
  disabled: boolean;
};

export async function findUsers(user: CurrentUser, page: number): Promise<Page<UserRow>> {
  const size = env().PAGE_SIZE;
  if (!can(user, "user:read:all")) return pageOf([], 0, 1, size);
  return db().$transaction(async (tx) => {
    // One connection per transaction: its queries run one after another.
    const total = await tx.user.count();
    const rows = await tx.user.findMany({
      orderBy: [{ organisation: { name: "asc" } }, { name: "asc" }],
      skip: (page - 1) * size,
      take: size,
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        disabledAt: true,
        organisation: { select: { name: true } },
      },
    });
    await recordAudit(tx, { actor: user, action: "user.list", outcome: "SUCCESS" });
    return pageOf(
      rows.map((r) => ({
        id: r.id,
        name: r.name,
        email: r.email,
        role: r.role,
        organisationName: r.organisation.name,
        disabled: r.disabledAt !== null,
      })),
      total,
      page,
      size,
    );
  });
}

export type OfficerRow = { id: string; name: string; openReports: number };

// The supervisor's view of their unit's officers and their open caseloads.
export async function findOfficersInUnit(user: CurrentUser): Promise<OfficerRow[]> {
  const unitId = unitScope(user, "report:reassign:unit");
  if (!unitId) return [];
  const officers = await db().user.findMany({
    where: { organisationId: unitId, role: { in: ["LIAISON_OFFICER", "SUPERVISOR"] }, disabledAt: null },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      _count: { select: { assignedReports: { where: { status: "OPEN", unitId } } } },
    },
  });
  return officers.map((o) => ({ id: o.id, name: o.name, openReports: o._count.assignedReports }));
}
