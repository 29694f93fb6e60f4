import { describe, expect, it } from "vitest";
import { findVictimClues, type VictimDetails } from "./victim-text";

const megan: VictimDetails = {
  workingName: "Jade",
  legalName: "Megan Price",
  phone: "07700 900123",
  email: "megan.p@example.test",
  place: "14 Commercial Road, Newport",
  narrative: "He picked me up on Commercial Street and drove to the industrial estate. He took my phone.",
};

describe("text that identifies the person harmed", () => {
  it("finds the working name and either part of the legal name, as whole words in any case", () => {
    expect(findVictimClues("Seen with JADE last week", [megan])).toEqual(["name"]);
    expect(findVictimClues("approached megan's friend", [megan])).toEqual(["name"]);
    expect(findVictimClues("Price was agreed in advance", [megan])).toEqual(["name"]);
    // Not inside other words.
    expect(findVictimClues("jaded manner, priceless watch", [megan])).toEqual([]);
  });

  it("finds the person's phone however it is written, and their email", () => {
    expect(findVictimClues("calls from +44 7700 900-123", [megan])).toEqual(["phone"]);
    expect(findVictimClues("MEGAN.P@EXAMPLE.TEST", [megan])).toEqual(["name", "email"]);
    // A suspect's different number is not the person's.
    expect(findVictimClues("07700 900812", [megan])).toEqual([]);
  });

  it("finds the exact place and sentences of the narrative, but allows the general area", () => {
    expect(findVictimClues("at 14 commercial road, newport", [megan])).toEqual(["place"]);
    expect(
      findVictimClues("He picked me up on Commercial Street and drove to the industrial estate", [megan]),
    ).toEqual(["narrative"]);
    expect(findVictimClues("Newport city centre, Commercial Street area", [megan])).toEqual([]);
  });

  it("checks every source report's person and says nothing about empty text", () => {
    const other = { ...megan, workingName: "Star", legalName: null, phone: null, email: null };
    expect(findVictimClues("asked for Star", [megan, other])).toEqual(["name"]);
    expect(findVictimClues("  ", [megan])).toEqual([]);
  });
});
