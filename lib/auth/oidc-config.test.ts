import { describe, expect, it } from "vitest";
import { oidcConfigFrom } from "./oidc-config";
import { organisationFromGroups, roleFromGroups } from "./oidc";

const ORG_A = "0190a0a0-0000-7000-8000-000000000001";
const ORG_B = "0190a0a0-0000-7000-8000-000000000002";
const base = {
  OIDC_ISSUER: "https://login.microsoftonline.com/tenant-id/v2.0",
  OIDC_CLIENT_ID: "app",
  OIDC_CLIENT_SECRET: "secret",
  OIDC_ROLE_GROUPS: "ADMIN=g1; SUPERVISOR=g2,g3 ;LIAISON_OFFICER=g4",
  OIDC_GROUP_ORGANISATIONS: `g10=${ORG_A};g11=${ORG_B}`,
};

describe("single sign-on configuration", () => {
  it("is off when none of issuer, client id and secret is set", () => {
    expect(oidcConfigFrom({})).toBeNull();
  });

  it("refuses half a configuration, plain http off loopback, unknown roles and bad organisation ids", () => {
    expect(() => oidcConfigFrom({ OIDC_ISSUER: base.OIDC_ISSUER })).toThrow(/together/);
    expect(() => oidcConfigFrom({ ...base, OIDC_ISSUER: "http://idp.example/" })).toThrow(/https/);
    expect(() => oidcConfigFrom({ ...base, OIDC_ROLE_GROUPS: "SUPERUSER=g1" })).toThrow(/unknown role/);
    expect(() => oidcConfigFrom({ ...base, OIDC_ROLE_GROUPS: "" })).toThrow(/OIDC_ROLE_GROUPS/);
    expect(() => oidcConfigFrom({ ...base, OIDC_GROUP_ORGANISATIONS: "g10=unit-1" })).toThrow(
      /organisation id/,
    );
    expect(() => oidcConfigFrom({ ...base, OIDC_ROLE_GROUPS: "ADMIN=" })).toThrow(/no groups/);
  });

  it("reads the mappings in order, defaulting the button name and the required amr", () => {
    const config = oidcConfigFrom(base)!;
    expect(config.roleGroups).toEqual([
      { role: "ADMIN", groups: ["g1"] },
      { role: "SUPERVISOR", groups: ["g2", "g3"] },
      { role: "LIAISON_OFFICER", groups: ["g4"] },
    ]);
    expect(config.name).toBe("your force account");
    expect(config.requiredAmr).toBe("mfa");
    expect(oidcConfigFrom({ ...base, OIDC_REQUIRED_AMR: "" })!.requiredAmr).toBe("");
  });

  it("takes the first listed role that matches, and exactly one organisation", () => {
    const config = oidcConfigFrom(base)!;
    expect(roleFromGroups(config, ["g4", "g3"])).toBe("SUPERVISOR");
    expect(roleFromGroups(config, ["g4"])).toBe("LIAISON_OFFICER");
    expect(roleFromGroups(config, ["g99"])).toBeNull();
    expect(organisationFromGroups(config, ["g10", "g4"])).toBe(ORG_A);
    expect(organisationFromGroups(config, ["g10", "g11"])).toBeNull();
    expect(organisationFromGroups(config, [])).toBeNull();
  });
});
