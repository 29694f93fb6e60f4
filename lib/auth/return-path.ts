// Where to go after signing in. The value is resolved as a URL the way a browser would
// resolve it, and kept only if it stays on this site: every encoding, backslash and
// dot-segment trick ends up either as a same-site path or as "/". Only the path is kept:
// query strings can carry what someone searched for.
const BASE = "https://liaison.invalid";
const REFUSED_PREFIXES = ["/login", "/api/"];

export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 500) return "/";
  // A browser strips tabs and line breaks and treats "\" as "/": refuse rather than guess.
  if (/[\u0000-\u001F\u007F\\]/.test(value) || !value.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = url.pathname;
  // "//host" would be read as another site when sent back as a Location header; and no path
  // here needs an encoded slash, backslash or control character, which a later decoding
  // (a proxy, a router, a copy into the address bar) could turn into one.
  if (path.startsWith("//") || !isWellFormedPath(path) || hidesSeparators(path)) return "/";
  if (REFUSED_PREFIXES.some((prefix) => path === prefix.replace(/\/$/, "") || path.startsWith(prefix)))
    return "/";
  return path;
}

function hidesSeparators(path: string): boolean {
  let decoded = path;
  try {
    for (let i = 0; i < 3; i++) decoded = decodeURIComponent(decoded);
  } catch {
    return true;
  }
  return /[\u0000-\u001F\u007F\\]/.test(decoded) || /\/\//.test(decoded) || /%2f|%5c/i.test(path);
}

// A path whose percent-encoding does not decode would fail later in the router.
function isWellFormedPath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
