// The demo's third-party reports: both agencies linked to the unit, every state for each,
// the opened one pointing at a report that agency made, and answers the app itself accepts.
import { describe, expect, it } from "vitest";
import { accountStep, whatHappenedStep, whoStep } from "@/lib/intake/schemas";
import type { SubmissionAnswers } from "@/lib/third-party/schema";
import { planDemo } from "./plan";

const NOW = new Date("2026-03-10T12:00:00Z");
const rows = planDemo(NOW);
const orgId = (name: string) => rows.organisations.find((o) => o.name === name)!.id!;
const AGENCIES = [orgId("Demo Women's Aid"), orgId("Demo Health Outreach")];

describe("demo third-party reports", () => {
  it("links the unit to both demo agencies and adds no report", () => {
    expect(rows.unitAgencyLinks.map((l) => l.agencyId).sort()).toEqual([...AGENCIES].sort());
    expect(rows.reports).toHaveLength(86);
  });

  it("gives each agency a submission in every state", () => {
    for (const agencyId of AGENCIES) {
      const states = rows.submissions
        .filter((s) => s.agencyId === agencyId)
        .map((s) => s.status ?? "RECEIVED");
      expect(new Set(states)).toEqual(new Set(["RECEIVED", "BEING_LOOKED_AT", "REPORT_OPENED", "CLOSED"]));
    }
  });

  it("opens reports only from the agency's own partner-route reports, and closes with a reason", () => {
    for (const s of rows.submissions) {
      if (s.status === "REPORT_OPENED") {
        const report = rows.reports.find((r) => r.id === s.reportId)!;
        expect(report).toMatchObject({ reportingRoute: "PARTNER_AGENCY", submittedByAgencyId: s.agencyId });
      } else expect(s.reportId ?? null).toBeNull();
      if (s.status === "CLOSED") expect(s.notOpenedReason).toBeTruthy();
      expect(s.createdAt!.valueOf()).toBeLessThanOrEqual(NOW.valueOf());
    }
  });

  it("holds answers the intake's own schemas accept", () => {
    for (const s of rows.submissions) {
      const a = s.answers as unknown as SubmissionAnswers;
      expect(whatHappenedStep.safeParse(a["what-happened"]).success).toBe(true);
      expect(whoStep.safeParse(a.who).success).toBe(true);
      expect(accountStep.safeParse(a.account).success).toBe(true);
      if (s.anonymous) expect(a.workingName).toBeUndefined();
    }
  });
});
