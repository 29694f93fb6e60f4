// Scope values for query `where` clauses. A missing scope is an error, never `undefined`
// (Prisma would silently drop an undefined filter and return everything).
import type { CurrentUser } from "@/lib/auth/current-user";
import { roleHas, type Permission } from "./permissions";

export function can(user: CurrentUser, permission: Permission): boolean {
  return roleHas(user.role, permission);
}

export function unitScope(user: CurrentUser, permission: Permission): string | null {
  if (!can(user, permission) || !user.unitId) return null;
  return user.unitId;
}

export function agencyScope(user: CurrentUser, permission: Permission): string | null {
  if (!can(user, permission) || !user.agencyId) return null;
  return user.agencyId;
}
