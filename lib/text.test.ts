import { describe, expect, it } from "vitest";
import { hasControlCharacters } from "./text";

describe("free text that cannot be saved", () => {
  it("refuses NUL and other control characters, but not tabs and line breaks", () => {
    expect(hasControlCharacters("a\u0000b")).toBe(true);
    expect(hasControlCharacters("a\u001Bb")).toBe(true);
    expect(hasControlCharacters("line one\nline two\r\n\tindented")).toBe(false);
  });

  it("refuses bidirectional overrides and isolates that make a name read as something else", () => {
    // "Rosa" followed by a right-to-left override shows the rest reversed.
    for (const c of [
      "\u202E",
      "\u202D",
      "\u202A",
      "\u202B",
      "\u202C",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
    ])
      expect(hasControlCharacters(`Rosa${c}txt.exe`), JSON.stringify(c)).toBe(true);
  });

  it("refuses invisible spaces and marks", () => {
    for (const c of ["\u200B", "\u2060", "\uFEFF", "\u200E", "\u200F"])
      expect(hasControlCharacters(`Ro${c}sa`), JSON.stringify(c)).toBe(true);
  });

  it("keeps every script, accents and emoji, including the joiners they need", () => {
    for (const text of ["Siân Llŷr", "Zoë", "محمد", "नमस्ते", "👩‍👧", "क्‍ष", "Ⅻ"])
      expect(hasControlCharacters(text), text).toBe(false);
  });
});
