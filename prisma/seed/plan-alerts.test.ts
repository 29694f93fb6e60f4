// The demo's safety alerts: an active alert for each agency, one waiting for approval and
// one withdrawn; nothing in them identifies the people in their source reports; and a
// later report in the series matches an active alert, so the case page shows it.
import { describe, expect, it } from "vitest";
import { findVictimClues } from "@/lib/alerts/victim-text";
import { planDemo } from "./plan";

const NOW = new Date("2026-03-10T12:00:00Z");
const rows = planDemo(NOW);
const orgId = (name: string) => rows.organisations.find((o) => o.name === name)!.id!;
const AGENCIES = [orgId("Demo Women's Aid"), orgId("Demo Health Outreach")];
const active = rows.alerts.filter((a) => a.status === "ACTIVE");

describe("demo safety alerts", () => {
  it("has an active, unexpired alert for each agency, one awaiting approval and one withdrawn", () => {
    for (const agencyId of AGENCIES)
      expect(
        active.some((a) => rows.alertRecipients.some((r) => r.alertId === a.id && r.agencyId === agencyId)),
      ).toBe(true);
    for (const a of active) {
      expect(a.expiresAt! > NOW).toBe(true);
      expect(a.approvedById).not.toBe(a.createdById);
    }
    expect(rows.alerts.map((a) => a.status).sort()).toEqual([
      "ACTIVE",
      "ACTIVE",
      "AWAITING_APPROVAL",
      "WITHDRAWN",
    ]);
    expect(rows.reports).toHaveLength(86);
    for (const a of rows.alerts) expect(a.isDemo).toBe(true);
  });

  it("says nothing that identifies the people in the source reports", () => {
    for (const a of rows.alerts) {
      const victims = rows.reports
        .filter((r) => (a.sourceReportIds as string[]).includes(r.id as string))
        .map((r) => {
          const p = rows.people.find((x) => x.id === r.personId)!;
          const text = (v: unknown) => (typeof v === "string" ? v : null);
          return {
            workingName: p.workingName,
            legalName: text(p.legalName),
            phone: text(p.phone),
            email: text(p.email),
            place: text(r.place),
            narrative: text(r.narrative),
          };
        });
      expect(victims).toHaveLength(1);
      const text = [
        a.title,
        a.description,
        a.vehicles,
        a.phoneNumbers,
        a.onlineHandles,
        a.area,
        a.whatHappened,
      ]
        .filter(Boolean)
        .join("\n");
      expect(findVictimClues(text, victims)).toEqual([]);
    }
  });

  it("gives a later report in the series a suspect identifier matching an active alert", () => {
    const matched = rows.identifiers.filter((i) =>
      rows.alertIdentifiers.some(
        (ai) =>
          ai.kind === i.kind && ai.normalised === i.normalised && active.some((a) => a.id === ai.alertId),
      ),
    );
    const reportsMatched = new Set(
      matched.map((i) => rows.suspects.find((s) => s.id === i.suspectId)!.reportId),
    );
    const sources = new Set(active.flatMap((a) => a.sourceReportIds as string[]));
    expect([...reportsMatched].filter((r) => !sources.has(r)).length).toBeGreaterThan(0);
  });
});
