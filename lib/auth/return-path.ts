// Where to go after signing in. Only a path on this site is accepted, so a crafted link
// cannot send someone elsewhere after they sign in.
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 500) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  if (/[\u0000-\u001F]/.test(value) || value.startsWith("/login") || value.startsWith("/api/")) return "/";
  return value;
}
