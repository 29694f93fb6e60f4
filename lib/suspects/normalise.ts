// Suspect identifiers are typed by many hands in many styles ("ab12 cde", "AB12-CDE",
// "+44 (0)7700 900123"). Each is reduced to one canonical form so that the same car, phone
// or account links reports together. Pure functions: no I/O, safe on client and server.
import { IdentifierKind } from "@/lib/generated/prisma/enums";

// E.164 allows at most 15 digits; below 7, no country's numbering plan gives a full number.
const MIN_INTERNATIONAL_DIGITS = 7;
const MAX_INTERNATIONAL_DIGITS = 15;
const UK_COUNTRY_CODE = "44";

// Compatibility folding turns full-width or styled characters (pasted from apps) into
// their plain forms before anything else is compared.
function fold(value: string): string {
  return value.normalize("NFKC").trim();
}

// "ab12 cde", "AB12-CDE" and "Ab12.cde" are one plate: keep only letters and digits.
export function normaliseRegistration(value: string): string | null {
  const plate = fold(value)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
  return plate === "" ? null : plate;
}

// "@Dave_Nights " and "dave_nights" are one account. Handles are case-insensitive on the
// platforms people report from, so lower case is the canonical form.
export function normaliseHandle(value: string): string | null {
  const handle = fold(value).replace(/^@+/, "").trim().toLowerCase();
  return handle === "" ? null : handle;
}

// Returns the number in international form (+447700900123), or null when the input cannot
// be a whole phone number: too few or too many digits, letters, or no way to tell the country.
export function normalisePhoneNumber(value: string): string | null {
  // "+44 (0)7700…": the bracketed trunk zero is dialled only from inside the UK.
  const text = fold(value).replace(/\(\s*0\s*\)/g, "");
  if (/[^\d\s+().\-/]/.test(text) || /.\+/.test(text)) return null;
  const digits = text.replace(/\D/g, "");
  const international = text.startsWith("+") ? digits : digits.startsWith("00") ? digits.slice(2) : null;
  if (international !== null) return internationalForm(international);
  if (digits.startsWith("0")) return ukNational(digits.slice(1));
  // Digits with no prefix: accept only the two shapes that are unambiguously UK.
  if (digits.startsWith(UK_COUNTRY_CODE) && digits.length === 12) return internationalForm(digits);
  if (digits.startsWith("7") && digits.length === 10) return ukNational(digits);
  return null;
}

function internationalForm(digits: string): string | null {
  // People often keep the trunk zero after the country code: +44 07700 900123.
  if (digits.startsWith(`${UK_COUNTRY_CODE}0`)) return ukNational(digits.slice(3));
  if (digits.startsWith(UK_COUNTRY_CODE)) return ukNational(digits.slice(2));
  if (digits.length < MIN_INTERNATIONAL_DIGITS || digits.length > MAX_INTERNATIONAL_DIGITS) return null;
  return `+${digits}`;
}

// UK numbers have 9 or 10 digits after the trunk zero (10 for every mobile).
function ukNational(significant: string): string | null {
  if (significant.length < 9 || significant.length > 10 || significant.startsWith("0")) return null;
  return `+${UK_COUNTRY_CODE}${significant}`;
}

export function normaliseIdentifier(kind: IdentifierKind, value: string): string | null {
  switch (kind) {
    case IdentifierKind.VEHICLE_REGISTRATION:
      return normaliseRegistration(value);
    case IdentifierKind.PHONE_NUMBER:
      return normalisePhoneNumber(value);
    case IdentifierKind.ONLINE_HANDLE:
      return normaliseHandle(value);
    default: {
      // A new kind added to the schema must be given a rule here before it compiles.
      const unhandled: never = kind;
      throw new Error(`Unknown identifier kind: ${String(unhandled)}`);
    }
  }
}
