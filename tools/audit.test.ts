import { describe, expect, it } from "vitest";
import { readAudit } from "./audit";

describe("reading npm audit's report", () => {
  it("passes a report with only low and moderate advisories", () => {
    const report = { metadata: { vulnerabilities: { info: 0, low: 2, moderate: 1, high: 0, critical: 0 } } };
    expect(readAudit(JSON.stringify(report)).status).toBe("clean");
  });

  it("fails a report with a high or critical advisory and names the package", () => {
    const report = {
      vulnerabilities: { next: { severity: "critical" }, zod: { severity: "low" } },
      metadata: { vulnerabilities: { low: 1, moderate: 0, high: 0, critical: 1 } },
    };
    const result = readAudit(JSON.stringify(report));
    expect(result).toMatchObject({ status: "vulnerable", packages: ["next (critical)"] });
  });

  it("says the registry could not be asked when npm reports an error instead of advisories", () => {
    const answer = {
      message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
    };
    expect(readAudit(JSON.stringify(answer))).toEqual({ status: "unreachable", reason: answer.message });
    expect(readAudit("").status).toBe("unreachable");
  });
});
