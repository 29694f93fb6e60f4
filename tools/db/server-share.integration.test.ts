// A second program on the embedded server's folder: a tool that only reads or copies
// (audit:verify, backups) uses the running server and leaves it running; anything else is
// refused with words that say what is running and how to stop it.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ensureDatabaseServer, type DatabaseServer } from "./server";
import { runningServerPid } from "./server-checks";

const dataDir = join(fileURLToPath(new URL("../../", import.meta.url)), ".data", "postgres-test");
const givenUrl = process.env.DATABASE_URL;
// Started here only when no embedded test server runs yet (`npm test` on DATABASE_URL, or
// this file alone); under `npm test` on the embedded server, that server is the one shared.
let ours: DatabaseServer | undefined;

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  if ((await runningServerPid(dataDir)) === undefined) ours = await ensureDatabaseServer({ purpose: "test" });
}, 120_000);

afterAll(async () => {
  await ours?.stop();
  if (givenUrl !== undefined) process.env.DATABASE_URL = givenUrl;
}, 60_000);

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return (await client.query<{ one: number }>("SELECT 1 AS one")).rows[0]?.one === 1;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

test("a tool that shares the running server connects to it and leaves it running", async () => {
  const pid = await runningServerPid(dataDir);
  expect(pid).toBeDefined();
  const lines: string[] = [];
  const shared = await ensureDatabaseServer({
    purpose: "test",
    shareRunning: true,
    log: (l) => lines.push(l),
  });
  expect(shared.embedded).toBe(true);
  expect(await answers(shared.url)).toBe(true);
  expect(lines.join("\n")).toContain(`already running on .data/postgres-test (pid ${pid}`);
  await shared.stop();
  expect(await runningServerPid(dataDir)).toBe(pid);
  expect(await answers(shared.url)).toBe(true);
});

test("anything else is refused, naming the running server and how to stop it", async () => {
  const pid = await runningServerPid(dataDir);
  const refused = await ensureDatabaseServer({ purpose: "test" }).then(
    () => null,
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );
  expect(refused).toContain(`An embedded PostgreSQL is already running on .data/postgres-test (pid ${pid}`);
  expect(refused).toContain("another `npm start` or `npm test` is using it");
  expect(refused).toContain(`\`kill ${pid}\``);
  expect(await runningServerPid(dataDir)).toBe(pid);
});
