import { describe, expect, it } from "vitest";
import { contactFormSchema, contactFormValues, NOTES_MAX } from "./schema";

// A summer afternoon in London (BST, UTC+1).
const now = new Date("2026-07-10T15:00:00Z");

const valid = {
  type: "WELFARE_CHECK",
  method: "PHONE_CALL",
  occurredAtDay: "10",
  occurredAtMonth: "7",
  occurredAtYear: "2026",
  occurredAtTime: "14:30",
  notes: "Checked in after the weekend. Doing OK.",
  followUpOnDay: "",
  followUpOnMonth: "",
  followUpOnYear: "",
  reportId: "",
};

function errorsFor(form: Record<string, unknown>) {
  const result = contactFormSchema(now).safeParse(form);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [String(i.path[0] ?? ""), i.message]));
}

describe("the log-a-contact form", () => {
  it("turns a complete form into a contact, reading the time as London time", () => {
    const result = contactFormSchema(now).parse({
      ...valid,
      followUpOnDay: "17",
      followUpOnMonth: "07",
      followUpOnYear: "2026",
    });
    expect(result).toEqual({
      type: "WELFARE_CHECK",
      method: "PHONE_CALL",
      occurredAt: new Date("2026-07-10T13:30:00Z"),
      notes: "Checked in after the weekend. Doing OK.",
      followUpOn: new Date("2026-07-17T00:00:00Z"),
      reportId: null,
      updateIds: [],
    });
  });

  it("reports every problem with an empty form at once", () => {
    expect(errorsFor({})).toEqual({
      type: "contacts.errors.type",
      method: "contacts.errors.method",
      occurredAtDay: "contacts.errors.occurredAtMissing",
      occurredAtTime: "contacts.errors.occurredAtTime",
    });
  });

  it("reports every problem with a wrong form at once", () => {
    expect(
      errorsFor({
        type: "INTERROGATION",
        method: "CARRIER_PIGEON",
        occurredAtDay: "31",
        occurredAtMonth: "4",
        occurredAtYear: "2026",
        occurredAtTime: "25:00",
        notes: "x".repeat(NOTES_MAX + 1),
        followUpOnDay: "1",
        followUpOnMonth: "1",
        followUpOnYear: "2026",
        reportId: "not-an-id",
      }),
    ).toEqual({
      type: "contacts.errors.type",
      method: "contacts.errors.method",
      occurredAtDay: "contacts.errors.occurredAtInvalid",
      occurredAtTime: "contacts.errors.occurredAtTime",
      notes: "contacts.errors.notesTooLong",
      followUpOnDay: "contacts.errors.followUpOnPast",
      reportId: "contacts.errors.reportId",
    });
  });

  it("refuses a contact in the future, but allows a few minutes of clock difference", () => {
    expect(errorsFor({ ...valid, occurredAtTime: "16:10" })).toEqual({
      occurredAtDay: "contacts.errors.occurredAtFuture",
    });
    expect(errorsFor({ ...valid, occurredAtDay: "11" })).toEqual({
      occurredAtDay: "contacts.errors.occurredAtFuture",
    });
    expect(errorsFor({ ...valid, occurredAtTime: "16:03" })).toEqual({});
  });

  it("accepts common ways of typing a time and refuses others", () => {
    for (const time of ["09:05", "9:05", "0905", "9.05", " 14:30 "])
      expect(errorsFor({ ...valid, occurredAtTime: time }), time).toEqual({});
    for (const time of ["", "noon", "14:60", "24:00", "2pm", "14:3"])
      expect(errorsFor({ ...valid, occurredAtTime: time }), time).toEqual({
        occurredAtTime: "contacts.errors.occurredAtTime",
      });
  });

  it("refuses dates that do not exist or are implausibly old", () => {
    for (const [day, month, year] of [
      ["29", "2", "2026"],
      ["1", "13", "2026"],
      ["x", "7", "2026"],
      ["10", "7", "1999"],
      ["10", "", "2026"],
      ["1.5", "7", "2026"],
    ])
      expect(
        errorsFor({ ...valid, occurredAtDay: day, occurredAtMonth: month, occurredAtYear: year }),
      ).toEqual({
        occurredAtDay: "contacts.errors.occurredAtInvalid",
      });
  });

  it("takes a follow-up date of today or later, and refuses a half-filled or far-off one", () => {
    const followUp = (d: string, m: string, y: string) => ({
      ...valid,
      followUpOnDay: d,
      followUpOnMonth: m,
      followUpOnYear: y,
    });
    expect(errorsFor(followUp("10", "7", "2026"))).toEqual({});
    expect(errorsFor(followUp("9", "7", "2026"))).toEqual({
      followUpOnDay: "contacts.errors.followUpOnPast",
    });
    expect(errorsFor(followUp("10", "7", ""))).toEqual({
      followUpOnDay: "contacts.errors.followUpOnInvalid",
    });
    expect(errorsFor(followUp("10", "7", "2099"))).toEqual({
      followUpOnDay: "contacts.errors.followUpOnInvalid",
    });
  });

  it("keeps notes as typed, with browser line breaks made plain, and treats blank notes as none", () => {
    const typed = "  <script>alert('x')</script>\r\nLine two  ";
    expect(contactFormSchema(now).parse({ ...valid, notes: typed }).notes).toBe(
      "  <script>alert('x')</script>\nLine two  ",
    );
    expect(contactFormSchema(now).parse({ ...valid, notes: "  \r\n " }).notes).toBeNull();
    expect(
      contactFormSchema(now).parse({ ...valid, notes: "x\r\n".repeat(NOTES_MAX / 2) }).notes,
    ).toHaveLength(NOTES_MAX);
    for (const control of ["\u0000", "\u0007", "\u001B", "\u007F"])
      expect(errorsFor({ ...valid, notes: `a${control}b` })).toEqual({
        notes: "contacts.errors.notesInvalid",
      });
    expect(errorsFor({ ...valid, notes: "tab\there" })).toEqual({});
  });

  it("takes a report id in any case and stores it in lower case", () => {
    const id = "0197F3A2-1C2B-7D3E-8F4A-5B6C7D8E9F01";
    expect(contactFormSchema(now).parse({ ...valid, reportId: id }).reportId).toBe(id.toLowerCase());
  });

  it("refuses fields the form does not own, such as the unit or the officer", () => {
    const result = contactFormSchema(now).safeParse({
      ...valid,
      unitId: "0197f3a2-1c2b-7d3e-8f4a-5b6c7d8e9f01",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.code)).toEqual(["unrecognized_keys"]);
  });

  it("refuses values of the wrong type with a message, never a crash", () => {
    expect(errorsFor({ ...valid, type: ["OUTREACH"], notes: 42 })).toEqual({
      type: "contacts.errors.type",
      notes: "contacts.errors.notesInvalid",
    });
  });

  it("a case update must name its report, and may name the updates it gave, in any case", () => {
    const id = "0197F3A2-1C2B-7D3E-8F4A-5B6C7D8E9F01";
    expect(errorsFor({ ...valid, type: "CASE_UPDATE" })).toEqual({
      reportId: "caseUpdates.errors.reportRequired",
    });
    const parsed = contactFormSchema(now).parse({
      ...valid,
      type: "CASE_UPDATE",
      reportId: id,
      updateIds: [id, id.toLowerCase()],
    });
    expect(parsed).toMatchObject({ reportId: id.toLowerCase(), updateIds: [id.toLowerCase()] });
  });

  it("refuses ticked updates on any other kind of contact, and ids that are not ids", () => {
    const id = "0197f3a2-1c2b-7d3e-8f4a-5b6c7d8e9f01";
    expect(errorsFor({ ...valid, reportId: id, updateIds: [id] })).toEqual({
      updateIds: "caseUpdates.errors.notACaseUpdate",
    });
    expect(errorsFor({ ...valid, type: "CASE_UPDATE", reportId: id, updateIds: ["1; drop"] })).toEqual({
      updateIds: "caseUpdates.errors.updateIdsInvalid",
    });
    expect(errorsFor({ ...valid, type: "CASE_UPDATE", reportId: id, updateIds: "x" })).toEqual({
      updateIds: "caseUpdates.errors.updateIdsInvalid",
    });
  });

  it("puts back the ticked updates as a list the form can tick again", () => {
    expect(contactFormValues({ ...valid, updateIds: ["a", "b", 3] }).updateIds).toBe("a,b");
  });

  it("puts back only the form's own text fields", () => {
    expect(contactFormValues({ ...valid, unitId: "x", notes: "y".repeat(30_000), type: 3 })).toEqual({
      ...valid,
      type: undefined,
      notes: "y".repeat(20_000),
    });
  });
});
