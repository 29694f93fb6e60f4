// Partner agencies an officer may refer to or share with. Names only: no case content.
import { db } from "@/lib/db/client";
import { can } from "@/lib/authz/scope";
import type { CurrentUser } from "@/lib/auth/current-user";

export async function findPartnerAgencies(user: CurrentUser): Promise<{ id: string; name: string }[]> {
  if (!can(user, "referral:create:unit")) return [];
  return db().organisation.findMany({
    where: { kind: "PARTNER_AGENCY" },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
