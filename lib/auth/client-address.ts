// Which address a request came from, for sign-in throttling and the list of a user's
// sessions (docs/decisions/013-sign-in-throttling-and-session-cookie.md).
//
// Next.js puts the socket's peer address in X-Forwarded-For only when the request has no
// such header, and exposes no other way to read it. So:
// - TRUSTED_PROXY_HOPS=0 (the default: no proxy in front) takes the last entry, which is
//   the peer unless the client sent its own header. A direct client can therefore choose
//   its address; the per-account and overall limits still hold, and production runs behind
//   a TLS-terminating proxy anyway.
// - TRUSTED_PROXY_HOPS=N (N proxies we run, each appending the address it saw) takes the
//   N-th entry from the right: the address our outermost proxy saw. Anything to its left
//   was written by the client and is ignored.
import { isIPv4, isIPv6 } from "node:net";

export const UNKNOWN_ADDRESS = "unknown";

export function clientAddressFrom(headers: Headers, trustedProxyHops: number): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const index = entries.length - Math.max(1, trustedProxyHops);
  return normaliseAddress(index >= 0 ? entries[index] : undefined);
}

export function normaliseAddress(raw: string | undefined): string {
  if (!raw) return UNKNOWN_ADDRESS;
  let address = raw.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (/^::ffff:/i.test(address) && isIPv4(address.slice(7))) address = address.slice(7);
  if (isIPv4(address)) return address;
  if (isIPv6(address)) return address.toLowerCase();
  return UNKNOWN_ADDRESS;
}

// The key an address is throttled under. One IPv6 subscriber is usually given a whole /64,
// so an attacker could otherwise step through addresses without end.
export function throttleKeyForAddress(address: string): string {
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
}

function expandIPv6(address: string): string[] {
  const widen = (part: string) =>
    (part ? part.split(":") : []).flatMap((g) => (isIPv4(g) ? ["0", "0"] : [g]));
  const [head, tail] = address.split("::");
  const left = widen(head ?? "");
  const right = tail === undefined ? [] : widen(tail);
  const zeros = Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0");
  return [...left, ...zeros, ...right].map((g) => g.padStart(4, "0"));
}
