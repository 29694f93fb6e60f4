// Plain SQL as the database owner, with no Prisma and no decryption in between: what a
// database administrator, a backup or a stolen disk would show.
import { afterAll } from "vitest";
import pg from "pg";

let pool: pg.Pool | undefined;

export function ownerUrl(): string {
  const url = process.env.TEST_OWNER_DATABASE_URL;
  if (!url) throw new Error("TEST_OWNER_DATABASE_URL is not set: run integration tests with `npm test`.");
  return url;
}

export function ownerSql(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: ownerUrl(), max: 2 });
  return pool;
}

afterAll(async () => {
  await pool?.end();
});
