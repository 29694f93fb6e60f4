// Who may do what. One table, typed strings: the same string hides a control in the UI and
// is enforced on the server. A role missing from the table gets nothing.
import type { Role } from "@/lib/generated/prisma/enums";

export const PERMISSIONS = [
  "report:read:unit",
  "report:create:unit",
  "report:update:unit",
  "report:reassign:unit",
  // Closing a report by a supervisor's decision, and reopening any closed report.
  "report:close:unit",
  // Need to know: restricting a case and lifting it (with a reason), reviewing overrides,
  // and seeing every restricted case of the unit in full.
  "report:restrict:unit",
  "report:read:restricted",
  "person:read:unit",
  "person:create:unit",
  "person:update:unit",
  "contact:read:unit",
  "contact:create:unit",
  "outcome:record:unit",
  "risk:assess:unit",
  "safeguarding:record:unit",
  "referral:read:unit",
  "referral:create:unit",
  "consent:record:unit",
  "consent:override:unit",
  "dashboard:read:unit",
  "dashboard:read:own",
  "draft:manage:own",
  "referral:read:agency",
  "referral:respond:agency",
  "report:submit:third-party",
  "submission:read:own",
  // The unit's queue of third-party reports: read, mark as being looked at, triage.
  "submission:triage:unit",
  // Safety alerts: the unit reads and drafts them, a supervisor approves, partners read
  // the active ones addressed to their agency.
  "alert:read:unit",
  "alert:draft:unit",
  "alert:approve:unit",
  "alert:read:agency",
  "user:read:all",
  "user:manage:all",
  "organisation:manage:all",
  // Searching the audit log: supervisors for their unit's staff and records, administrators
  // for everyone. Neither sees case content there.
  "audit:read:unit",
  "audit:read:all",
  // Retention review (docs/decisions/020): a supervisor decides whether records past their
  // review date are kept or erased.
  "retention:review:unit",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const OFFICER: readonly Permission[] = [
  "report:read:unit",
  "report:create:unit",
  "report:update:unit",
  "person:read:unit",
  "person:create:unit",
  "person:update:unit",
  "contact:read:unit",
  "contact:create:unit",
  "outcome:record:unit",
  "risk:assess:unit",
  "safeguarding:record:unit",
  "referral:read:unit",
  "referral:create:unit",
  "consent:record:unit",
  "dashboard:read:own",
  "draft:manage:own",
  "submission:triage:unit",
  "alert:read:unit",
  "alert:draft:unit",
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  LIAISON_OFFICER: OFFICER,
  SUPERVISOR: [
    ...OFFICER,
    "report:reassign:unit",
    "report:close:unit",
    "report:restrict:unit",
    "report:read:restricted",
    "consent:override:unit",
    "dashboard:read:unit",
    "alert:approve:unit",
    "audit:read:unit",
    "retention:review:unit",
  ],
  PARTNER: [
    "referral:read:agency",
    "referral:respond:agency",
    "report:submit:third-party",
    "submission:read:own",
    "alert:read:agency",
  ],
  // Administrators run the system; they see no case content by default.
  ADMIN: ["user:read:all", "user:manage:all", "organisation:manage:all", "audit:read:all"],
};

export function roleHas(role: string, permission: Permission): boolean {
  // Own keys only: a role named like an Object.prototype member must not slip through.
  if (!Object.hasOwn(ROLE_PERMISSIONS, role)) return false;
  return ROLE_PERMISSIONS[role as Role].includes(permission);
}
