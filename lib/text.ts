// Browsers cannot type control characters other than tab and line breaks, and PostgreSQL
// cannot store NUL. Free text holding them is refused with a message, never silently
// changed and never allowed to reach the database as a server error.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}
