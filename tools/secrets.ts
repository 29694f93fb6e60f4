// Local secrets for a laptop run: generated once and kept in the git-ignored .data folder,
// so sessions survive restarts. Production sets AUTH_SECRET and
// NEXT_SERVER_ACTIONS_ENCRYPTION_KEY itself, shared by every instance.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

type Secrets = { AUTH_SECRET: string; NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: string };

export function localSecrets(file = join(ROOT, ".data", "secrets.json")): Secrets {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as Secrets;
  const secrets: Secrets = {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

// Environment for the app: what the operator set wins over the local defaults.
export function appEnvironment(databaseUrl: string): NodeJS.ProcessEnv {
  const secrets = localSecrets();
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? secrets.AUTH_SECRET,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY:
      process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? secrets.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
    NEXT_TELEMETRY_DISABLED: "1",
  };
}
