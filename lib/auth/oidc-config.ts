// Single sign-on configuration (docs/decisions/021-single-sign-on.md). Off unless
// OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are all set; then a wrong or missing
// mapping makes every sign-in fail with a configuration error (logged by kind) rather than
// letting anyone in on a guessed role.
import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/ids";
import { oidcEnv } from "@/lib/env";

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  // Shown on the button: "Sign in with <name>".
  name: string;
  // Role by IdP group id, in order of precedence: the first role with a matching group wins.
  roleGroups: { role: Role; groups: string[] }[];
  // Organisation id by IdP group id.
  groupOrganisations: Map<string, string>;
  // When the ID token carries `amr`, it must include this value ("" switches the check off).
  requiredAmr: string;
};

const ROLES = new Set<string>(Object.values(Role));

// "ADMIN=g1;SUPERVISOR=g2,g3;LIAISON_OFFICER=g4"
export function parseRoleGroups(value: string): OidcConfig["roleGroups"] {
  const seen = new Set<string>();
  return pairs(value, "OIDC_ROLE_GROUPS").map(([role, list]) => {
    if (!ROLES.has(role)) throw new Error(`OIDC_ROLE_GROUPS: unknown role ${role}`);
    if (seen.has(role)) throw new Error(`OIDC_ROLE_GROUPS: ${role} is listed twice`);
    seen.add(role);
    const groups = list
      .split(",")
      .map((g) => g.trim())
      .filter(Boolean);
    if (groups.length === 0) throw new Error(`OIDC_ROLE_GROUPS: ${role} has no groups`);
    return { role: role as Role, groups };
  });
}

// "groupA=<organisation uuid>;groupB=<organisation uuid>"
export function parseGroupOrganisations(value: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const [group, organisationId] of pairs(value, "OIDC_GROUP_ORGANISATIONS")) {
    if (!isUuid(organisationId))
      throw new Error(`OIDC_GROUP_ORGANISATIONS: ${group} needs an organisation id`);
    if (map.has(group)) throw new Error(`OIDC_GROUP_ORGANISATIONS: ${group} is listed twice`);
    map.set(group, organisationId);
  }
  return map;
}

function pairs(value: string, name: string): [string, string][] {
  const entries = value
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf("=");
      if (at <= 0) throw new Error(`${name}: expected KEY=value entries separated by ";"`);
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as [string, string];
    });
  if (entries.length === 0) throw new Error(`${name} must be set when single sign-on is on`);
  return entries;
}

const schema = z.object({
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().trim().min(1).max(60).default("your force account"),
  OIDC_ROLE_GROUPS: z.string().default(""),
  OIDC_GROUP_ORGANISATIONS: z.string().default(""),
  OIDC_REQUIRED_AMR: z.string().trim().default("mfa"),
});

// Null when single sign-on is off. Throws on a half-made or malformed configuration.
export function oidcConfigFrom(source: Record<string, string | undefined>): OidcConfig | null {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid single sign-on configuration: ${problems}`);
  }
  const e = parsed.data;
  const set = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (set === 0) return null;
  if (set < 3)
    throw new Error("Single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together");
  const issuer = new URL(e.OIDC_ISSUER!);
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(issuer.hostname);
  if (issuer.protocol !== "https:" && !loopback) throw new Error("OIDC_ISSUER must be an https:// address");
  return {
    issuer: e.OIDC_ISSUER!,
    clientId: e.OIDC_CLIENT_ID!,
    clientSecret: e.OIDC_CLIENT_SECRET!,
    name: e.OIDC_NAME,
    roleGroups: parseRoleGroups(e.OIDC_ROLE_GROUPS),
    groupOrganisations: parseGroupOrganisations(e.OIDC_GROUP_ORGANISATIONS),
    requiredAmr: e.OIDC_REQUIRED_AMR,
  };
}

let cached: { config: OidcConfig | null } | undefined;

export function oidcConfig(): OidcConfig | null {
  cached ??= { config: oidcConfigFrom(oidcEnv()) };
  return cached.config;
}
