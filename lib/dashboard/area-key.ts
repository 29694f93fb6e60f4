// Dashboard filters travel in the address, which ends up in browser history and access
// logs. An area is free text that a person may recognise, so the address carries a keyed
// hash of it instead, which only this application can tell back to an area (by hashing the
// unit's own areas and comparing).
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";

export function areaKey(area: string): string {
  return createHmac("sha256", env().AUTH_SECRET)
    .update(`dashboard-area\u0000${area}`)
    .digest("base64url")
    .slice(0, 16);
}

// The area among `areas` whose key is `key`, or undefined.
export function areaOfKey(key: string, areas: readonly string[]): string | undefined {
  return areas.find((a) => areaKey(a) === key);
}
