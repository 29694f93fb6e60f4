import { describe, expect, it } from "vitest";
import {
  contactReviewOn,
  draftReviewOn,
  personReviewOn,
  reportReviewOn,
  retentionRules,
  type ReportDates,
} from "./rules";

const rules = retentionRules(undefined);
const closed = (on: string, types: ReportDates["incidentTypes"]): ReportDates => ({
  status: "CLOSED",
  closedAt: new Date(`${on}T12:00:00Z`),
  incidentTypes: types,
});

describe("retention review dates", () => {
  it("puts drafts 30 days after their last change", () => {
    expect(draftReviewOn({ updatedAt: new Date("2026-01-10T08:00:00Z") }, rules).toISOString()).toBe(
      "2026-02-09T08:00:00.000Z",
    );
  });

  it("keeps closed serious sexual or violent reports 10 years, others 6, open ones indefinitely", () => {
    expect(
      reportReviewOn(closed("2020-03-01", ["RAPE"]), rules)
        ?.toISOString()
        .slice(0, 10),
    ).toBe("2030-03-01");
    expect(reportReviewOn(closed("2020-03-01", ["THEFT", "SEXUAL_ASSAULT"]), rules)?.getUTCFullYear()).toBe(
      2030,
    );
    expect(
      reportReviewOn(closed("2020-03-01", ["THEFT"]), rules)
        ?.toISOString()
        .slice(0, 10),
    ).toBe("2026-03-01");
    expect(reportReviewOn({ status: "OPEN", closedAt: null, incidentTypes: ["THEFT"] }, rules)).toBeNull();
  });

  it("lets a supervisor's retain decision push the date later, never earlier", () => {
    const retainUntil = new Date("2031-01-01T00:00:00Z");
    expect(reportReviewOn({ ...closed("2020-03-01", ["THEFT"]), retainUntil }, rules)).toEqual(retainUntil);
    const early = new Date("2021-01-01T00:00:00Z");
    expect(
      reportReviewOn({ ...closed("2020-03-01", ["THEFT"]), retainUntil: early }, rules)?.getUTCFullYear(),
    ).toBe(2026);
  });

  it("reviews a no-crime contact 6 years after it, and a report's contact with its report", () => {
    const occurredAt = new Date("2019-05-05T10:00:00Z");
    expect(contactReviewOn({ occurredAt, report: null }, rules)?.toISOString().slice(0, 10)).toBe(
      "2025-05-05",
    );
    expect(
      contactReviewOn({ occurredAt, report: closed("2022-01-01", ["RAPE"]) }, rules)?.getUTCFullYear(),
    ).toBe(2032);
  });

  it("reviews a person only when all their records are due, and never with a report open", () => {
    const person = {
      updatedAt: new Date("2018-01-01T00:00:00Z"),
      reports: [closed("2019-06-01", ["THEFT"]), closed("2020-06-01", ["RAPE"])],
      contacts: [{ occurredAt: new Date("2021-01-01T00:00:00Z"), report: null }],
    };
    expect(personReviewOn(person, rules)?.toISOString().slice(0, 10)).toBe("2030-06-01");
    expect(
      personReviewOn(
        { ...person, reports: [...person.reports, { status: "OPEN", closedAt: null, incidentTypes: [] }] },
        rules,
      ),
    ).toBeNull();
  });

  it("takes its periods from LIAISON_RETENTION_RULES and refuses nonsense", () => {
    const custom = retentionRules(JSON.stringify({ reportYears: 3, draftDays: 7 }));
    expect(custom.reportYears).toBe(3);
    expect(custom.seriousReportYears).toBe(10);
    expect(reportReviewOn(closed("2020-03-01", ["THEFT"]), custom)?.getUTCFullYear()).toBe(2023);
    expect(() => retentionRules(JSON.stringify({ draftDays: 0 }))).toThrow();
  });
});
