// Local secrets for a laptop run: generated once and kept in the git-ignored .data folder,
// so sessions survive restarts. Production sets AUTH_SECRET and
// NEXT_SERVER_ACTIONS_ENCRYPTION_KEY itself, shared by every instance.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

type Secrets = {
  AUTH_SECRET: string;
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: string;
  // The password of the runtime database role on the embedded servers (docs/decisions/016).
  DATABASE_RUNTIME_PASSWORD: string;
  // The master secret for field encryption and identifier hashes (docs/decisions/015).
  LIAISON_MASTER_KEY: string;
};

const GENERATORS: { [K in keyof Secrets]: () => string } = {
  AUTH_SECRET: () => randomBytes(32).toString("base64url"),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: () => randomBytes(32).toString("base64"),
  DATABASE_RUNTIME_PASSWORD: () => randomBytes(24).toString("base64url"),
  LIAISON_MASTER_KEY: () => randomBytes(32).toString("base64"),
};

// Secrets missing from an older file are added to it, so an upgrade keeps the old ones.
export function localSecrets(file = join(ROOT, ".data", "secrets.json")): Secrets {
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<Secrets>) : {};
  const missing = (Object.keys(GENERATORS) as (keyof Secrets)[]).filter((k) => !stored[k]);
  if (missing.length === 0) return stored as Secrets;
  const secrets = { ...stored } as Secrets;
  for (const key of missing) secrets[key] = GENERATORS[key]();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

// Environment for the app: what the operator set wins over the local defaults.
// `site`: the address the app is served at (AUTH_URL, pinned so that forwarded Host headers
// cannot steer Auth.js's redirects) and whether this is the demo (LIAISON_DEMO).
export function appEnvironment(
  databaseUrl: string,
  site?: { url: string; demo: boolean },
): NodeJS.ProcessEnv {
  const secrets = localSecrets();
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? secrets.AUTH_SECRET,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY:
      process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? secrets.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
    LIAISON_MASTER_KEY: process.env.LIAISON_MASTER_KEY ?? secrets.LIAISON_MASTER_KEY,
    NEXT_TELEMETRY_DISABLED: "1",
    ...(site && { AUTH_URL: site.url, LIAISON_DEMO: site.demo ? "1" : "0" }),
  };
}

// Tools that write or rotate encrypted fields in-process (seeds, keys:rotate) use the key the
// app will be given: the operator's, else the local one.
export function applyLocalFieldKey(): void {
  process.env.LIAISON_MASTER_KEY ??= localSecrets().LIAISON_MASTER_KEY;
}
