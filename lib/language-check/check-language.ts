// Advises on victim-blaming or stigmatising wording in free text. Pure and synchronous so the
// same check runs in the browser as the officer types and on the server after a save. It
// only ever advises: nothing here decides whether text may be saved.
import PHRASE_LIST from "./phrases.json";

export type LanguagePhrase = {
  id: string;
  // The phrase as shown to the officer, e.g. "known prostitute".
  phrase: string;
  // Every wording that counts as this phrase; words may be split by any run of spaces,
  // line breaks or hyphens.
  forms: string[];
  suggestion: string;
  why: string;
  // Words that, straight after a form, make it innocent ("asking for it back").
  notFollowedBy?: string[];
  // What to say instead when the text is about a child, who is never a sex worker.
  childSuggestion?: string;
  childWhy?: string;
  // Only flagged when the text is about a child ("client", "sex work").
  childOnly?: boolean;
};

export type CheckOptions = {
  phrases?: readonly LanguagePhrase[];
  // The person the text is about is under 18: suggest child-safeguarding wording.
  subjectIsChild?: boolean;
};

export type Finding = {
  id: string;
  phrase: string;
  // The text as typed, from start (inclusive) to end (exclusive), in UTF-16 code units.
  matched: string;
  start: number;
  end: number;
  suggestion: string;
  why: string;
};

export const LANGUAGE_PHRASES: readonly LanguagePhrase[] = PHRASE_LIST;

// Letters, marks, digits and underscore make up a word, in any script, so "prostitute" is
// not found inside "prostitution".
const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}_]`;
const SEPARATOR = String.raw`[\s\-‐‑–]+`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function formPattern(form: string): string {
  return form
    .trim()
    .split(/[\s-]+/)
    .map((word) => escapeRegExp(word).replace(/'/g, "['’]"))
    .join(SEPARATOR);
}

function compile(entry: LanguagePhrase): RegExp {
  // Longest forms first, so "should have known better" wins over "should have known".
  const forms = [...entry.forms].sort((a, b) => b.length - a.length).map(formPattern);
  const exceptions = entry.notFollowedBy?.length
    ? `(?!${SEPARATOR}(?:${entry.notFollowedBy.map(formPattern).join("|")})(?!${WORD_CHAR}))`
    : "";
  return new RegExp(`(?<!${WORD_CHAR})(?:${forms.join("|")})(?!${WORD_CHAR})${exceptions}`, "giu");
}

const compiled = new WeakMap<readonly LanguagePhrase[], { entry: LanguagePhrase; pattern: RegExp }[]>();

function patternsFor(phrases: readonly LanguagePhrase[]) {
  let patterns = compiled.get(phrases);
  if (!patterns) {
    patterns = phrases.map((entry) => ({ entry, pattern: compile(entry) }));
    compiled.set(phrases, patterns);
  }
  return patterns;
}

// Every flagged phrase in the text, in reading order. Where two overlap ("known prostitute"
// contains "prostitute") only the longer is reported, once.
// The second argument is the options, or (as before) just a different list of phrases.
export function checkLanguage(
  text: string,
  options: CheckOptions | readonly LanguagePhrase[] = {},
): Finding[] {
  if (typeof text !== "string" || text.length === 0) return [];
  const { phrases = LANGUAGE_PHRASES, subjectIsChild = false } = Array.isArray(options)
    ? { phrases: options as readonly LanguagePhrase[] }
    : (options as CheckOptions);
  const candidates: Finding[] = [];
  for (const { entry, pattern } of patternsFor(phrases)) {
    if (entry.childOnly && !subjectIsChild) continue;
    const child = subjectIsChild && entry.childSuggestion !== undefined;
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      candidates.push({
        id: entry.id,
        phrase: entry.phrase,
        matched: match[0],
        start,
        end: start + match[0].length,
        suggestion: child ? (entry.childSuggestion ?? entry.suggestion) : entry.suggestion,
        why: child ? (entry.childWhy ?? entry.why) : entry.why,
      });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const findings: Finding[] = [];
  for (const candidate of candidates) {
    const previous = findings.at(-1);
    if (!previous || candidate.start >= previous.end) findings.push(candidate);
  }
  return findings;
}
