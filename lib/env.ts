// The one place configuration is read. Everything else asks this module.
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgresql:// URL" }),
  // A streaming read replica for read-only pages (dashboards, exports); unset: the primary.
  DATABASE_REPLICA_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "DATABASE_REPLICA_URL must be a postgresql:// URL" })
    .optional(),
  // Connections each app instance keeps to the primary (and again to the replica, if set).
  // Instances × this must stay under the server's max_connections, less a few for tools.
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
  // The site's own address, pinned: links the app hands out (set-up links) are built on it,
  // never on a forwarded Host header.
  AUTH_URL: z.url({ protocol: /^https?$/, error: "AUTH_URL must be an http(s):// URL" }).optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  // Sign-in throttling (lib/auth/throttle.ts): attempts allowed at once per account and per
  // client address before waits start, the longest wait, and password checks per minute in
  // all, across every app instance.
  SIGN_IN_FREE_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  SIGN_IN_ADDRESS_FREE_ATTEMPTS: z.coerce.number().int().min(1).max(10_000).default(30),
  SIGN_IN_MAX_WAIT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  SIGN_IN_OVERALL_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  // How many reverse proxies we run in front of the app, each appending to X-Forwarded-For
  // (lib/auth/client-address.ts). 0: none, the app is reached directly.
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  // Set by `npm start` only when it runs the embedded database with the demo data, and by
  // `npm test` for the end-to-end run. Outside it, demo accounts cannot sign in.
  LIAISON_DEMO: z
    .enum(["0", "1"])
    .default("0")
    .transform((v) => v === "1"),
  PAGE_SIZE: z.coerce.number().int().min(5).max(200).default(25),
  // Counts from 1 to one less than this are shown as "fewer than N" in anything published.
  SMALL_NUMBER_THRESHOLD: z.coerce.number().int().min(2).max(100).default(5),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

// Read lazily so that `next build` (which needs no database) never fails on a missing URL.
export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid configuration: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

// Field encryption keys (lib/crypto/keys.ts), read apart from env() so that tools which seed
// or rotate keys need no session secret. The master secret must differ from AUTH_SECRET.
const fieldKeySchema = z.object({
  LIAISON_MASTER_KEY: z.string().min(32, "LIAISON_MASTER_KEY must be at least 32 bytes (base64 or text)"),
  // Comma-separated key ids: the first encrypts new values, all of them may be read.
  LIAISON_FIELD_KEY_IDS: z.string().default("k1"),
  // Connections each app instance keeps to the primary (and again to the replica, if set).
  // Instances × this must stay under the server's max_connections, less a few for tools.
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  AUTH_SECRET: z.string().optional(),
});

export function fieldKeyEnv(): z.infer<typeof fieldKeySchema> {
  const parsed = fieldKeySchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

// Retention rules as JSON (lib/retention/rules.ts validates them), read apart from env().
export function retentionRulesEnv(): string | undefined {
  return process.env.LIAISON_RETENTION_RULES || undefined;
}

// Single sign-on settings (OIDC_*), read apart from env() and checked by lib/auth/oidc-config.ts.
export function oidcEnv(): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith("OIDC_")));
}
