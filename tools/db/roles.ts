// The database roles (docs/decisions/016). The owner runs migrations and owns every table;
// the app connects as RUNTIME_ROLE, which may only read and write rows (never change the
// schema, never change or remove audit events) and is subject to row-level security;
// MAINTENANCE_ROLE alone may change audit events, for documented retention work.
import pg from "pg";

export const RUNTIME_ROLE = "liaison_app";
export const MAINTENANCE_ROLE = "liaison_maintenance";

// Tables the runtime role may only append to and read.
const APPEND_ONLY = ["AuditEvent"];
// Tables the runtime role may not touch at all.
const OWNER_ONLY = ["_prisma_migrations"];

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function ensureRole(client: pg.Client, role: string): Promise<void> {
  const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
  if (rowCount) return;
  try {
    await client.query(
      `CREATE ROLE ${client.escapeIdentifier(role)} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS`,
    );
  } catch (error) {
    // Another process created it in the meantime.
    if ((error as { code?: string }).code === "42710" || (error as { code?: string }).code === "23505")
      return;
    throw new Error(
      `The database role ${role} does not exist and this connection may not create it. ` +
        `Ask the database administrator to create it (README: "Database roles").`,
      { cause: error },
    );
  }
}

// Grants the runtime role exactly what the app needs in the database `ownerUrl` names:
// read and write rows of every table, append to and read the audit log, use sequences.
// Run after every migration so new tables are covered; idempotent.
export async function applyRuntimeGrants(ownerUrl: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    await ensureRole(client, RUNTIME_ROLE);
    await ensureRole(client, MAINTENANCE_ROLE);
    const app = client.escapeIdentifier(RUNTIME_ROLE);
    const maintenance = client.escapeIdentifier(MAINTENANCE_ROLE);
    const { rows } = await client.query<{ name: string }>("SELECT current_database() AS name");
    const database = client.escapeIdentifier(rows[0]!.name);
    await client.query("BEGIN");
    try {
      // Two processes granting at once would trip over each other's catalogue updates.
      await client.query("SELECT pg_advisory_xact_lock(7305210260002)");
      await client.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
      await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${database} TO ${app}, ${maintenance}`);
      await client.query(`GRANT USAGE ON SCHEMA public TO ${app}, ${maintenance}`);
      await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app}`);
      await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
      await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
      for (const table of APPEND_ONLY) {
        const exists = await client.query("SELECT to_regclass($1) AS t", [`public."${table}"`]);
        if (!exists.rows[0]?.t) continue;
        const t = client.escapeIdentifier(table);
        await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${t} FROM ${app}`);
        await client.query(`GRANT SELECT, UPDATE, DELETE ON ${t} TO ${maintenance}`);
      }
      for (const table of OWNER_ONLY) {
        const exists = await client.query("SELECT to_regclass($1) AS t", [`public."${table}"`]);
        if (exists.rows[0]?.t)
          await client.query(`REVOKE ALL ON ${client.escapeIdentifier(table)} FROM ${app}`);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  });
}

// Makes the runtime role able to log in with `password` and returns the URL the app uses:
// the owner's URL with the runtime role's name and password. Needs an owner that may alter
// roles (the embedded server's superuser, or a server where the owner has CREATEROLE);
// otherwise set DATABASE_OWNER_URL and DATABASE_URL yourself (README).
export async function enableRuntimeLogin(ownerUrl: string, password: string): Promise<string> {
  await withClient(ownerUrl, async (client) => {
    await ensureRole(client, RUNTIME_ROLE);
    await client.query(
      `ALTER ROLE ${client.escapeIdentifier(RUNTIME_ROLE)} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`,
    );
  });
  return runtimeUrl(ownerUrl, password);
}

export function runtimeUrl(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = RUNTIME_ROLE;
  url.password = encodeURIComponent(password);
  return url.toString();
}

// Refuses to run the app as a role that could undo the protections: a superuser, a role
// that bypasses row security, or the owner of the tables.
export async function checkRuntimeRole(url: string): Promise<void> {
  await withClient(url, async (client) => {
    const { rows } = await client.query<{ superuser: boolean; bypass: boolean; owns: boolean }>(
      `SELECT r.rolsuper AS superuser, r.rolbypassrls AS bypass,
              EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = current_user) AS owns
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const role = rows[0];
    if (!role) throw new Error("Could not read the database role DATABASE_URL connects as.");
    if (role.superuser || role.bypass || role.owns)
      throw new Error(
        "DATABASE_URL connects as a role that " +
          (role.superuser ? "is a superuser" : role.bypass ? "bypasses row security" : "owns the tables") +
          `. The app must connect as the runtime role ${RUNTIME_ROLE}; migrations use DATABASE_OWNER_URL (README: "Database roles").`,
      );
  });
}

// Where migrations run: DATABASE_OWNER_URL when the operator split the roles, else the
// server's own URL (the embedded superuser, or a DATABASE_URL with rights to create roles).
export function ownerUrlFor(serverUrl: string): string {
  return process.env.DATABASE_OWNER_URL || serverUrl;
}

// The URL the app connects with, once migrations have run: DATABASE_URL as given when the
// operator split the roles, else the runtime role on the same server with the local
// password (created or updated here).
export async function appUrlFor(ownerUrl: string, localPassword: string): Promise<string> {
  const url = process.env.DATABASE_OWNER_URL ? process.env.DATABASE_URL : undefined;
  const appUrl = url ?? (await enableRuntimeLogin(ownerUrl, localPassword));
  await checkRuntimeRole(appUrl);
  return appUrl;
}
