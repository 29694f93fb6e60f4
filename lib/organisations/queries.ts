// Organisations: the partner agencies an officer may refer to, and the administrator's
// view of every organisation. Names and kinds only: no case content.
import { db } from "@/lib/db/client";
import { can } from "@/lib/authz/scope";
import { isUuid } from "@/lib/ids";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { OrganisationKind } from "@/lib/generated/prisma/enums";

// A deactivated agency receives no new referrals or consents to share.
export async function findPartnerAgencies(user: CurrentUser): Promise<{ id: string; name: string }[]> {
  if (!can(user, "referral:create:unit")) return [];
  return db().organisation.findMany({
    where: { kind: "PARTNER_AGENCY", deactivatedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

export type OrganisationRow = {
  id: string;
  name: string;
  kind: OrganisationKind;
  parentName: string | null;
  active: boolean;
  activeUsers: number;
};

const rowSelect = {
  id: true,
  name: true,
  kind: true,
  deactivatedAt: true,
  parent: { select: { name: true } },
  _count: { select: { users: { where: { disabledAt: null } } } },
} as const;

type RawRow = {
  id: string;
  name: string;
  kind: OrganisationKind;
  deactivatedAt: Date | null;
  parent: { name: string } | null;
  _count: { users: number };
};

function toRow(r: RawRow): OrganisationRow {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    parentName: r.parent?.name ?? null,
    active: r.deactivatedAt === null,
    activeUsers: r._count.users,
  };
}

// Every organisation, forces first, then units, then agencies. There are tens, not
// thousands, so the list is not paged.
export async function findOrganisations(user: CurrentUser): Promise<OrganisationRow[]> {
  if (!can(user, "organisation:manage:all") && !can(user, "user:manage:all")) return [];
  const rows = await db().organisation.findMany({
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: rowSelect,
  });
  return rows.map(toRow);
}

export async function getOrganisation(user: CurrentUser, id: string): Promise<OrganisationRow | null> {
  if (!can(user, "organisation:manage:all") || !isUuid(id)) return null;
  const row = await db().organisation.findUnique({ where: { id }, select: rowSelect });
  return row ? toRow(row) : null;
}
