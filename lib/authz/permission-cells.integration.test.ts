// Every cell of the permission table, run against the real data layer: for each operation,
// each role, and a record in the user's own or another unit and sent to the user's own or
// another agency, the lib function either answers (allowed) or answers "not found" (denied),
// exactly as lib/authz/permissions.ts says. The expectation is computed from the table, so a
// change to the table that the data layer does not follow (or the reverse) fails here.
import { ownerDb } from "@/tests/support/owner-db";
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Role } from "@/lib/generated/prisma/enums";
import { PERMISSIONS, roleHas, type Permission } from "./permissions";
import { getReportForUser } from "@/lib/reports/queries";
import { getEditableReport } from "@/lib/reports/update-report";
import { decideRestriction } from "@/lib/reports/restriction-decisions";
import { getReportForLifecycle, getReportForRecording } from "@/lib/outcomes/queries";
import { getReportForRiskForm } from "@/lib/risk/queries";
import { getReportForSafeguardingForm } from "@/lib/safeguarding/queries";
import { getReportForNotRecordedForm } from "@/lib/crime-recording/queries";
import { getPersonForUser } from "@/lib/people/queries";
import { updatePerson } from "@/lib/people/update-person";
import { findContactsForPerson } from "@/lib/contacts/queries";
import { findReferralsForUnit, getReferralForAgency } from "@/lib/referrals/queries";
import { getDashboard } from "@/lib/dashboard/queries";
import { findUsers } from "@/lib/users/queries";
import { makeOrganisation, makeReferral, makeReport, makeUser, signedIn } from "@/tests/support/factories";
import { makeContact } from "@/tests/support/case-factories";

type Side = "own" | "other";
type Target = { reportId: string; restrictedId: string; personId: string; referralId: string };
type Operation = {
  permission: Permission;
  // True when the data layer let the user do it, false when it answered "not found".
  run: (user: CurrentUser, target: Target) => Promise<boolean>;
};

const OPERATIONS: Operation[] = [
  { permission: "report:read:unit", run: async (u, t) => (await getReportForUser(u, t.reportId)) !== null },
  {
    permission: "report:update:unit",
    run: async (u, t) => (await getEditableReport(u, t.reportId)) !== null,
  },
  {
    permission: "report:update:unit",
    run: async (u, t) => (await getReportForNotRecordedForm(u, t.reportId)) !== null,
  },
  {
    permission: "report:close:unit",
    run: async (u, t) => (await getReportForLifecycle(u, t.reportId)) !== null,
  },
  {
    // A blank reason is refused as invalid when the user may decide, as "not found" otherwise.
    permission: "report:restrict:unit",
    run: async (u, t) => (await decideRestriction(u, t.reportId, true, { reason: "" })) !== null,
  },
  {
    permission: "report:read:restricted",
    run: async (u, t) => (await getReportForUser(u, t.restrictedId)) !== null,
  },
  {
    permission: "outcome:record:unit",
    run: async (u, t) => (await getReportForRecording(u, t.reportId)) !== null,
  },
  {
    permission: "risk:assess:unit",
    run: async (u, t) => (await getReportForRiskForm(u, t.reportId)) !== null,
  },
  {
    permission: "safeguarding:record:unit",
    run: async (u, t) => (await getReportForSafeguardingForm(u, t.reportId)) !== null,
  },
  { permission: "person:read:unit", run: async (u, t) => (await getPersonForUser(u, t.personId)) !== null },
  {
    permission: "person:update:unit",
    run: async (u, t) => (await updatePerson(u, t.personId, {})).status !== "not-found",
  },
  {
    permission: "contact:read:unit",
    run: async (u, t) => (await findContactsForPerson(u, t.personId)).total > 0,
  },
  {
    permission: "referral:read:unit",
    run: async (u, t) => (await findReferralsForUnit(u, { personId: t.personId })).length > 0,
  },
  {
    permission: "referral:read:agency",
    run: async (u, t) => (await getReferralForAgency(u, t.referralId)) !== null,
  },
  { permission: "user:read:all", run: async (u) => (await findUsers(u, 1)).total > 0 },
];

// Permissions whose every cell is run here; the others are each run by the integration
// tests of their own area (named), which check allowed and refused roles and scopes.
const ELSEWHERE: Partial<Record<Permission, string>> = {
  "report:create:unit": "lib/intake/intake.integration.test.ts",
  // Not yet run anywhere: only the supervisor's list of officers (lib/users/queries.ts) asks for it.
  "report:reassign:unit": "no test yet",
  "person:create:unit": "lib/intake/intake.integration.test.ts",
  "contact:create:unit": "lib/contacts/contacts.integration.test.ts",
  "referral:create:unit": "lib/referrals/referrals.integration.test.ts",
  "referral:respond:agency": "lib/referrals/referrals.integration.test.ts",
  "consent:record:unit": "lib/consent/consent.integration.test.ts",
  "consent:override:unit": "lib/consent/consent.integration.test.ts",
  "dashboard:read:unit": "the dashboard cells below",
  "dashboard:read:own": "the dashboard cells below",
  "draft:manage:own": "lib/intake/intake.integration.test.ts",
  "report:submit:third-party": "lib/third-party/third-party.integration.test.ts",
  "submission:read:own": "lib/third-party/third-party.integration.test.ts",
  "submission:triage:unit": "lib/third-party/third-party.integration.test.ts",
  "alert:read:unit": "lib/alerts/alerts.integration.test.ts",
  "alert:draft:unit": "lib/alerts/alerts.integration.test.ts",
  "alert:approve:unit": "lib/alerts/alerts.integration.test.ts",
  "alert:read:agency": "lib/alerts/alerts.integration.test.ts",
  "user:manage:all": "app/admin (administration of users)",
  "organisation:manage:all": "app/admin (administration of organisations)",
  "audit:read:unit": "lib/audit/search.integration.test.ts",
  "audit:read:all": "lib/audit/search.integration.test.ts",
  "retention:review:unit": "lib/retention/erase.integration.test.ts",
};

const ROLES: Role[] = ["LIAISON_OFFICER", "SUPERVISOR", "PARTNER", "ADMIN"];
const SIDES: Side[] = ["own", "other"];

// Whether the table allows `role` to do `permission` to a record in the own/other unit and
// own/other agency: the permission's suffix says which of the two scopes it.
function expected(role: Role, permission: Permission, unit: Side, agency: Side): boolean {
  if (!roleHas(role, permission)) return false;
  if (permission.endsWith(":unit") || permission.endsWith(":restricted")) return unit === "own";
  if (permission.endsWith(":agency")) return agency === "own";
  return true;
}

let users: Record<Role, CurrentUser>;
let targets: Record<`${Side}-${Side}`, Target>;

beforeAll(async () => {
  const units = { own: await makeOrganisation(), other: await makeOrganisation() };
  const agencies = {
    own: await makeOrganisation("PARTNER_AGENCY"),
    other: await makeOrganisation("PARTNER_AGENCY"),
  };
  const force = await makeOrganisation("POLICE_FORCE");
  users = {
    LIAISON_OFFICER: await signedIn("LIAISON_OFFICER", units.own.id),
    SUPERVISOR: await signedIn("SUPERVISOR", units.own.id),
    PARTNER: await signedIn("PARTNER", agencies.own.id),
    ADMIN: await signedIn("ADMIN", force.id),
  };
  const entries = [];
  for (const unit of SIDES)
    for (const agency of SIDES) {
      const unitId = units[unit].id;
      const referral = await makeReferral(unitId, agencies[agency].id);
      const personId = referral.personId;
      // Assigned to a colleague: a restricted case stays closed to an officer who is not.
      const colleague = await makeUser("LIAISON_OFFICER", unitId);
      const report = await makeReport(unitId, { personId, assignedOfficerId: colleague.id });
      const restricted = await makeReport(unitId, {
        personId,
        assignedOfficerId: colleague.id,
        relationship: "POLICE_OR_OFFICIAL",
      });
      await makeContact(unitId, personId, { reportId: report.id });
      entries.push([
        `${unit}-${agency}`,
        { reportId: report.id, restrictedId: restricted.id, personId, referralId: referral.id },
      ]);
    }
  targets = Object.fromEntries(entries) as typeof targets;
  expect(await ownerDb().incidentReport.count({ where: { restricted: true } })).toBeGreaterThanOrEqual(4);
});

describe("every cell of the permission table", () => {
  it("covers every permission, here or in its own area's tests", () => {
    const here = new Set(OPERATIONS.map((o) => o.permission));
    expect(PERMISSIONS.filter((p) => !here.has(p) && !ELSEWHERE[p])).toEqual([]);
  });

  for (const operation of OPERATIONS)
    for (const role of ROLES)
      it(`${operation.permission} · ${role}: allowed exactly where the table says, in each unit and agency`, async () => {
        const seen: string[] = [];
        const want: string[] = [];
        for (const unit of SIDES)
          for (const agency of SIDES) {
            const cell = `unit ${unit}, agency ${agency}`;
            seen.push(
              `${cell}: ${(await operation.run(users[role], targets[`${unit}-${agency}`])) ? "allow" : "deny"}`,
            );
            want.push(`${cell}: ${expected(role, operation.permission, unit, agency) ? "allow" : "deny"}`);
          }
        expect(seen).toEqual(want);
      });

  it("the dashboard: a supervisor sees the unit, an officer their own caseload, nobody else anything", async () => {
    const scopes = await Promise.all(
      ROLES.map(async (role) => (await getDashboard(users[role], { period: "all" }))?.scope ?? "refused"),
    );
    expect(scopes).toEqual(
      ROLES.map((role) =>
        roleHas(role, "dashboard:read:unit")
          ? "unit"
          : roleHas(role, "dashboard:read:own")
            ? "own"
            : "refused",
      ),
    );
  });
});
