import { ownerDb } from "@/tests/support/owner-db";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getEditableReport, updateReport } from "./update-report";
import { getReportForUser } from "./queries";
import { makeOrganisation, makeReport, signedIn } from "@/tests/support/factories";

const edit = (overrides: Record<string, unknown> = {}) => ({
  version: "1",
  narrative: "He took the money back by force.",
  area: "City centre",
  incidentTypes: ["ROBBERY", "PHYSICAL_ASSAULT"],
  personWants: "UNDECIDED",
  ...overrides,
});

async function unitWithReport() {
  const unit = await makeOrganisation();
  const officer = await signedIn("LIAISON_OFFICER", unit.id);
  const report = await makeReport(unit.id, { narrative: "First account" });
  return { unit, officer, report };
}

describe("editing a report's details", () => {
  it("saves the new details, moves the version on and audits the change without its content", async () => {
    const { officer, report } = await unitWithReport();
    expect(await updateReport(officer, report.id, edit())).toEqual({ status: "saved", version: 2 });
    expect(await ownerDb().incidentReport.findUnique({ where: { id: report.id } })).toMatchObject({
      narrative: "He took the money back by force.",
      area: "City centre",
      incidentTypes: ["ROBBERY", "PHYSICAL_ASSAULT"],
      version: 2,
    });
    const audit = await db().auditEvent.findMany({ where: { action: "report.update", recordId: report.id } });
    expect(audit).toMatchObject([{ outcome: "SUCCESS", actorId: officer.id }]);
    expect(JSON.stringify(audit)).not.toContain("money");
  });

  it("a change in what the person wants is recorded on the outcome trail", async () => {
    const { officer, report } = await unitWithReport();
    await updateReport(
      officer,
      report.id,
      edit({ personWants: "FULL_INVESTIGATION" }),
      new Date("2026-03-09T10:00:00Z"),
    );
    expect(await ownerDb().caseEvent.findMany({ where: { reportId: report.id } })).toMatchObject([
      {
        type: "PERSON_WANTS_CHANGED",
        personWants: "FULL_INVESTIGATION",
        recordedById: officer.id,
        occurredOn: new Date("2026-03-09T00:00:00Z"),
      },
    ]);
    await updateReport(
      officer,
      report.id,
      edit({ version: "2", personWants: "FULL_INVESTIGATION", area: "North" }),
    );
    expect(await ownerDb().caseEvent.count({ where: { reportId: report.id } })).toBe(1);
  });

  it("two officers edit the same report: the second save is refused and shown both versions", async () => {
    const { unit, officer, report } = await unitWithReport();
    const colleague = await signedIn("LIAISON_OFFICER", unit.id);
    const readByBoth = await getEditableReport(colleague, report.id);
    expect(readByBoth?.version).toBe(1);
    await updateReport(officer, report.id, edit({ narrative: "Officer one's words" }));
    const second = await updateReport(colleague, report.id, edit({ narrative: "Officer two's words" }));
    expect(second).toMatchObject({
      status: "conflict",
      current: { version: 2, narrative: "Officer one's words" },
    });
    expect((await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } })).narrative).toBe(
      "Officer one's words",
    );
    expect(
      await db().auditEvent.findFirst({ where: { action: "report.update", actorId: colleague.id } }),
    ).toMatchObject({
      outcome: "FAILURE",
    });
    // Having compared, the colleague reapplies their text against the version now saved.
    expect(
      await updateReport(colleague, report.id, edit({ version: "2", narrative: "Officer two's words" })),
    ).toEqual({
      status: "saved",
      version: 3,
    });
  });

  it("saves racing each other: exactly one wins", async () => {
    const { unit, officer, report } = await unitWithReport();
    const colleague = await signedIn("LIAISON_OFFICER", unit.id);
    const results = await Promise.all([
      updateReport(officer, report.id, edit({ narrative: "A" })),
      updateReport(colleague, report.id, edit({ narrative: "B" })),
    ]);
    expect(results.map((r) => r?.status).sort()).toEqual(["conflict", "saved"]);
    expect((await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } })).version).toBe(2);
  });

  it("the edit appears on the case timeline with who and when, never what", async () => {
    const { officer, report } = await unitWithReport();
    await updateReport(officer, report.id, edit({ narrative: "Private words" }));
    const record = await getReportForUser(officer, report.id);
    const edits = record?.timeline.filter((e) => e.kind === "edit");
    expect(edits).toMatchObject([{ kind: "edit", by: officer.name }]);
    expect(JSON.stringify(edits)).not.toContain("Private words");
  });

  it("refuses invalid answers and fields the form does not have, and changes nothing", async () => {
    const { officer, report } = await unitWithReport();
    const result = await updateReport(
      officer,
      report.id,
      edit({ personWants: "ARREST_HIM", incidentTypes: ["NOPE"], area: "x".repeat(201) }),
    );
    expect(result).toEqual({
      status: "invalid",
      fieldErrors: {
        personWants: "reportEdit.errors.personWants",
        incidentTypes: "reportEdit.errors.incidentTypes",
        area: "reportEdit.errors.areaTooLong",
      },
    });
    expect((await updateReport(officer, report.id, edit({ unitId: "x", status: "CLOSED" })))?.status).toBe(
      "invalid",
    );
    expect((await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } })).version).toBe(1);
  });

  it("another unit's report, and any report for partners and administrators, is not found", async () => {
    const { unit, report } = await unitWithReport();
    const otherUnit = await makeOrganisation();
    const users = [
      await signedIn("LIAISON_OFFICER", otherUnit.id),
      await signedIn("SUPERVISOR", otherUnit.id),
      await signedIn("PARTNER", unit.id),
      await signedIn("ADMIN", unit.id),
    ];
    for (const user of users) {
      expect(await updateReport(user, report.id, edit())).toBeNull();
      expect(await getEditableReport(user, report.id)).toBeNull();
    }
    expect((await ownerDb().incidentReport.findUniqueOrThrow({ where: { id: report.id } })).version).toBe(1);
  });
});
