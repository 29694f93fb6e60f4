import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLE_PERMISSIONS, roleHas } from "./permissions";

const ROLES = Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[];
const CASE_CONTENT =
  /^(report|person|contact|outcome|risk|safeguarding|consent|referral|submission|dashboard)/;

describe("the permission table", () => {
  it("an unknown role, or no role, gets nothing", () => {
    for (const permission of PERMISSIONS) {
      expect(roleHas("VISITOR", permission)).toBe(false);
      expect(roleHas("", permission)).toBe(false);
      expect(roleHas("__proto__", permission)).toBe(false);
    }
  });

  it("an administrator has no access to case content", () => {
    expect(ROLE_PERMISSIONS.ADMIN.filter((p) => CASE_CONTENT.test(p))).toEqual([]);
    // Whatever is added later: an administrator's permissions are all system-wide ones.
    expect(ROLE_PERMISSIONS.ADMIN.filter((p) => !p.endsWith(":all"))).toEqual([]);
  });

  it("a partner has only agency, own-submission and third-party permissions", () => {
    for (const p of ROLE_PERMISSIONS.PARTNER) expect(p).toMatch(/:(agency|own|third-party)$/);
  });

  it("a supervisor may do everything an officer may, and more", () => {
    for (const p of ROLE_PERMISSIONS.LIAISON_OFFICER) expect(roleHas("SUPERVISOR", p)).toBe(true);
    expect(roleHas("SUPERVISOR", "dashboard:read:unit")).toBe(true);
    expect(roleHas("LIAISON_OFFICER", "dashboard:read:unit")).toBe(false);
    expect(roleHas("LIAISON_OFFICER", "consent:override:unit")).toBe(false);
  });

  it("every permission belongs to at least one role, and every role's list names real permissions", () => {
    const granted = new Set(ROLES.flatMap((r) => ROLE_PERMISSIONS[r]));
    expect(PERMISSIONS.filter((p) => !granted.has(p))).toEqual([]);
    for (const p of granted) expect(PERMISSIONS).toContain(p);
  });
});
