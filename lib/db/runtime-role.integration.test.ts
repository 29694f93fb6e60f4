// `npm start` checks the role DATABASE_URL connects as before serving anyone
// (tools/db/roles.ts, docs/decisions/016): a superuser, a role that bypasses row security or
// the owner of the tables would undo the protections the database gives, so each is refused
// with a message naming what is wrong; the runtime role passes.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { checkRuntimeRole } from "@/tools/db/roles";
import { env } from "@/lib/env";
import { ownerSql, ownerUrl } from "@/tests/support/owner-sql";

const created: string[] = [];
let ownedTable: { table: string; owner: string } | undefined;

// A login role with a password of its own, on the same server and database as the owner.
async function loginRole(attributes: string): Promise<{ name: string; url: string }> {
  const name = `liaison_check_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const password = randomUUID();
  await ownerSql().query(`CREATE ROLE ${name} LOGIN PASSWORD '${password}' ${attributes}`);
  created.push(name);
  const url = new URL(ownerUrl());
  url.username = name;
  url.password = password;
  return { name, url: url.toString() };
}

afterAll(async () => {
  const sql = ownerSql();
  if (ownedTable) await sql.query(`ALTER TABLE "${ownedTable.table}" OWNER TO "${ownedTable.owner}"`);
  for (const name of created) {
    await sql.query(`REVOKE ALL ON SCHEMA public FROM ${name}`);
    await sql.query(`DROP OWNED BY ${name}`);
    await sql.query(`DROP ROLE ${name}`);
  }
});

describe("the start-up check of the app's database role", () => {
  it("passes the runtime role the app is meant to use", async () => {
    await expect(checkRuntimeRole(env().DATABASE_URL)).resolves.toBeUndefined();
  });

  it("refuses a superuser", async () => {
    await expect(checkRuntimeRole(ownerUrl())).rejects.toThrow("connects as a role that is a superuser");
  });

  it("refuses a role that bypasses row security", async () => {
    const role = await loginRole("NOSUPERUSER BYPASSRLS");
    await expect(checkRuntimeRole(role.url)).rejects.toThrow("bypasses row security");
  });

  it("refuses a role that owns the tables", async () => {
    const role = await loginRole("NOSUPERUSER NOBYPASSRLS");
    const sql = ownerSql();
    const { rows } = await sql.query<{ owner: string }>(
      `SELECT tableowner AS owner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'Person'`,
    );
    ownedTable = { table: "Person", owner: rows[0]!.owner };
    await sql.query(`GRANT USAGE ON SCHEMA public TO ${role.name}`);
    await sql.query(`ALTER TABLE "Person" OWNER TO ${role.name}`);
    await expect(checkRuntimeRole(role.url)).rejects.toThrow("owns the tables");
  });
});
