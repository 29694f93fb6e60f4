// Browsers cannot type control characters other than tab and line breaks, and PostgreSQL
// cannot store NUL. Free text holding them is refused with a message, never silently
// changed and never allowed to reach the database as a server error.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

// Characters that change how text around them is shown without being seen: bidirectional
// embeddings, overrides and isolates (a name can be made to read as another), and invisible
// spaces and joiners of words (U+200B, U+2060, U+FEFF). The zero-width (non-)joiners stay
// allowed: some scripts and emoji need them.
const DECEPTIVE_FORMATTING = /[\u202A-\u202E\u2066-\u2069\u200B\u200E\u200F\u2060\uFEFF]/;

export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text) || DECEPTIVE_FORMATTING.test(text);
}
