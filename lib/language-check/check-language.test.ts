import { describe, expect, it } from "vitest";
import { checkLanguage, LANGUAGE_PHRASES, type Finding, type LanguagePhrase } from "./check-language";

const phrasesFound = (text: string) => checkLanguage(text).map((f) => f.phrase);

describe("the language check", () => {
  it("has a configured list of at least fifteen phrases, each with a suggestion and a reason", () => {
    expect(LANGUAGE_PHRASES.length).toBeGreaterThanOrEqual(15);
    expect(new Set(LANGUAGE_PHRASES.map((p) => p.id)).size).toBe(LANGUAGE_PHRASES.length);
    for (const entry of LANGUAGE_PHRASES) {
      expect(entry.forms.length, entry.id).toBeGreaterThan(0);
      expect(entry.suggestion.trim(), entry.id).not.toBe("");
      expect(entry.why.trim(), entry.id).not.toBe("");
    }
  });

  it.each(LANGUAGE_PHRASES.map((entry) => [entry.phrase, entry] as const))(
    "finds “%s” in a sentence, with its suggestion",
    (phrase, entry) => {
      const text = `Noted on the visit: ${phrase}, according to the file.`;
      const findings = checkLanguage(text, { subjectIsChild: entry.childOnly === true });
      expect(findings).toHaveLength(1);
      const [finding] = findings as [Finding];
      expect(finding).toMatchObject({ id: entry.id, phrase, suggestion: entry.suggestion, why: entry.why });
      expect(text.slice(finding.start, finding.end)).toBe(phrase);
    },
  );

  it("finds every listed wording of every phrase", () => {
    for (const entry of LANGUAGE_PHRASES) {
      for (const form of entry.forms) {
        expect(
          checkLanguage(`(${form})`, { subjectIsChild: entry.childOnly === true }).map((f) => f.id),
          form,
        ).toEqual([entry.id]);
      }
    }
  });

  it("ignores case and extra spaces or line breaks between the words", () => {
    const text = "She is a KNOWN   Prostitute and\nput   herself\n\tat risk.";
    const findings = checkLanguage(text);
    expect(findings.map((f) => f.phrase)).toEqual(["known prostitute", "put herself at risk"]);
    expect(findings.map((f) => f.matched)).toEqual(["KNOWN   Prostitute", "put   herself\n\tat risk"]);
    const second = findings[1] as Finding;
    expect(text.slice(second.start, second.end)).toBe("put   herself\n\tat risk");
  });

  it("treats a hyphen and a space between words alike", () => {
    expect(phrasesFound("living a high risk lifestyle")).toEqual(["high-risk lifestyle"]);
    expect(phrasesFound("living a high-risk lifestyle")).toEqual(["high-risk lifestyle"]);
  });

  it("matches whole words only: not inside longer words, but a plural or possessive is still found", () => {
    expect(phrasesFound("under the law on prostitution and soliciting")).toEqual([]);
    expect(phrasesFound("the prostitutes' car park")).toEqual(["prostitute"]);
    expect(phrasesFound("a prostitute's phone")).toEqual(["prostitute"]);
    expect(phrasesFound("unprostitute")).toEqual([]);
    expect(phrasesFound("prostitute_list")).toEqual([]);
    expect(phrasesFound("unclaims she wasn't")).toEqual([]);
  });

  it("reports an overlapping phrase once, under the longer wording", () => {
    const findings = checkLanguage("a known prostitute who should have known better");
    expect(findings.map((f) => f.matched)).toEqual(["known prostitute", "should have known better"]);
  });

  it("reports every occurrence in reading order with its position", () => {
    const text = "Prostitute. Then later: prostitute.";
    expect(checkLanguage(text).map((f) => [f.start, f.end])).toEqual([
      [0, 10],
      [24, 34],
    ]);
  });

  it("does not flag neutral, factual notes", () => {
    const neutral = [
      "Met Jade at the outreach van. She says she was assaulted by a client on Friday night.",
      "The suspect failed to report to the police station as his bail required.",
      "She was asking for it back, so we returned her phone.",
      "Gave safety advice about the new ugly mugs alert. She works with one other sex worker.",
      "Court support arranged for the trial. She chose to give evidence behind a screen.",
      "Victim does not support further action at this time because she fears repercussions.",
      "",
    ];
    for (const text of neutral) expect(phrasesFound(text), text).toEqual([]);
  });

  it("uses exceptions so an innocent continuation is not flagged", () => {
    expect(phrasesFound("she failed to report it for a week")).toEqual(["failed to report"]);
    expect(phrasesFound("he failed to report for bail")).toEqual([]);
  });

  it("accepts a different, configured list", () => {
    const custom: LanguagePhrase[] = [
      { id: "x", phrase: "mugs", forms: ["mugs"], suggestion: "cups", why: "tea" },
    ];
    expect(checkLanguage("two mugs", custom)).toEqual([
      { id: "x", phrase: "mugs", matched: "mugs", start: 4, end: 8, suggestion: "cups", why: "tea" },
    ]);
  });

  it("copes with very long and hostile text quickly", () => {
    const long = `${"a ".repeat(200_000)}known prostitute<script>alert(1)</script>\u0000${"-".repeat(50_000)}`;
    const started = performance.now();
    expect(phrasesFound(long)).toEqual(["known prostitute"]);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(checkLanguage(undefined as unknown as string)).toEqual([]);
  });

  it.each([
    ["She refused to give a statement.", "she refused to"],
    ["Victim refuses to support police at this time.", "refuses to support police"],
    ["She has refused to engage with officers.", "refused to engage"],
    ["He was unwilling to engage.", "refused to engage"],
    ["They refuse to attend court.", "she refused to"],
    ["Officer notes she put herself at risk.", "put herself at risk"],
    ["She placed herself at risk by working alone.", "put herself at risk"],
    ["She chose to get in his car.", "chose to go with him"],
    ["She decided to go with him to the flat.", "chose to go with him"],
    ["In the end she brought it on herself.", "brought it on herself"],
    ["She refused to co-operate.", "victim refused to cooperate"],
  ])("catches the blaming wording in “%s”", (text, phrase) => {
    expect(phrasesFound(text)).toEqual([phrase]);
  });

  it("leaves refusals that describe the offence alone", () => {
    for (const text of [
      "She refused to get into the car, so he grabbed her arm.",
      "She refused to have sex without a condom and he hit her.",
      "He refused to pay and took her phone.",
      "She refused to let him in.",
    ])
      expect(phrasesFound(text), text).toEqual([]);
  });

  it("for a child, never suggests “sex worker”, and flags adult sex-work wording", () => {
    const child = { subjectIsChild: true };
    const prostitute = checkLanguage("a known prostitute", child);
    expect(prostitute.map((f) => f.suggestion)).toEqual(["child at risk of sexual exploitation"]);
    expect(checkLanguage("She is a sex worker and meets clients online.", child).map((f) => f.id)).toEqual([
      "sex-worker-child",
      "client-child",
    ]);
    expect(checkLanguage("She has been selling sex since she was 15.", child)[0]?.suggestion).toBe(
      "child at risk of sexual exploitation",
    );
    for (const entry of LANGUAGE_PHRASES)
      for (const form of entry.forms)
        for (const f of checkLanguage(`(${form})`, child))
          expect(f.suggestion, form).not.toMatch(/sex worker/i);
  });

  it("for an adult, “sex worker” and “client” are the right words and are not flagged", () => {
    expect(phrasesFound("She is a sex worker and meets clients online.")).toEqual([]);
    expect(checkLanguage("a known prostitute")[0]?.suggestion).toBe(
      "a sex worker the unit is in contact with",
    );
  });

  it("always flags “child prostitute”, with or without the context", () => {
    for (const context of [{}, { subjectIsChild: true }])
      expect(checkLanguage("described as a child prostitute", context).map((f) => f.suggestion)).toEqual([
        "child at risk of sexual exploitation",
      ]);
  });
});
