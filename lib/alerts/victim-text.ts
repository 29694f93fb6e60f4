// An alert goes to people outside the police, so it must say nothing that could point to
// the person harmed. Officers build it from reports that do name them; this finds the
// places where the person's names, phone, email, address or the words of the narrative
// have slipped into the alert's free text. Pure: the caller loads the source reports.

export type VictimDetails = {
  workingName: string;
  legalName: string | null;
  phone: string | null;
  email: string | null;
  // The report's exact place (an address); the general area is allowed.
  place: string | null;
  narrative: string | null;
};

export type VictimClue = "name" | "phone" | "email" | "place" | "narrative";

// Names shorter than this are initials or fragments that would match ordinary words.
const MIN_NAME = 2;
// A sentence of the narrative this long is someone's own account, not a common phrase.
const MIN_NARRATIVE_SENTENCE = 30;
// Enough trailing digits of a phone number to be that number and not a year or a plate.
const PHONE_DIGITS = 9;
const MIN_PLACE = 6;

const fold = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Whole-word match, so "Jade" is found in "told Jade's friend" but not in "jaded".
function containsWord(text: string, word: string): boolean {
  const w = fold(word);
  if (w.length < MIN_NAME) return false;
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escape(w)}($|[^\\p{L}\\p{N}])`, "u").test(text);
}

function containsPhone(text: string, phone: string): boolean {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < PHONE_DIGITS) return false;
  // Spaces, brackets and dashes are ignored, and the trunk or country prefix may differ.
  return text.replace(/\D/g, "").includes(digits.slice(-PHONE_DIGITS));
}

function narrativeSentences(narrative: string): string[] {
  return narrative
    .split(/[.!?\n]+/)
    .map(fold)
    .filter((s) => s.length >= MIN_NARRATIVE_SENTENCE);
}

// The clues found in one piece of text, each kind once, in a fixed order.
export function findVictimClues(text: string, victims: readonly VictimDetails[]): VictimClue[] {
  const folded = fold(text);
  if (folded === "") return [];
  const found = new Set<VictimClue>();
  for (const v of victims) {
    const names = [v.workingName, v.legalName ?? ""].flatMap((n) => [n, ...n.split(/\s+/)]);
    // The whole name, and each part of it: "Megan" alone still names "Megan Price".
    if (names.some((n) => containsWord(folded, n))) found.add("name");
    if (v.phone && containsPhone(text, v.phone)) found.add("phone");
    if (v.email && fold(v.email).length > 0 && folded.includes(fold(v.email))) found.add("email");
    if (v.place && fold(v.place).length >= MIN_PLACE && folded.includes(fold(v.place))) found.add("place");
    if (v.narrative && narrativeSentences(v.narrative).some((s) => folded.includes(s)))
      found.add("narrative");
  }
  return (["name", "phone", "email", "place", "narrative"] as const).filter((c) => found.has(c));
}
