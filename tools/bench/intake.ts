// `npm run bench:intake`: server time to save an intake step and to submit a report, on a
// database holding 100,000 reports (or --reports N). Builds its own database once
// (liaison_bench_intake on the DATABASE_URL server, or on the embedded test server) and
// reuses it on later runs. It measures the lib functions the server actions call, so the
// figures are the server's own work without the browser or the network.
import { spawn } from "node:child_process";
import pg from "pg";
import { ensureDatabaseServer, createDatabase, withDatabase } from "../db/server";
import { applyMigrations } from "../db/migrate";
import { ROOT, localSecrets } from "../secrets";

const argv = process.argv.slice(2);
const reportsAt = argv.indexOf("--reports");
const target = reportsAt >= 0 ? Number(argv[reportsAt + 1]) : 100_000;
const ITERATIONS = 200;
const log = (s: string) => console.log(`[bench:intake] ${s}`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function summarise(name: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1).padStart(7);
  console.log(
    `${name.padEnd(26)} n=${String(samples.length).padEnd(4)} median ${f(percentile(sorted, 50))} ms   p95 ${f(percentile(sorted, 95))} ms   max ${f(sorted.at(-1) ?? 0)} ms`,
  );
}

async function countReports(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query(`SELECT to_regclass('"IncidentReport"') AS t`);
    if (!exists.rows[0]?.t) return -1;
    return Number((await client.query(`SELECT count(*) AS n FROM "IncidentReport"`)).rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

function runSeed(url: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: "inherit",
    });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited ${code}`)),
    );
  });
}

async function prepare(adminUrl: string): Promise<string> {
  const name = `liaison_bench_intake_${target}`;
  const url = withDatabase(adminUrl, name);
  let count = await countReports(url).catch(() => -2);
  if (count === -2) {
    log(`Creating database ${name}`);
    await createDatabase(adminUrl, name);
    count = -1;
  }
  await applyMigrations(url);
  if (count < 0) count = 0;
  if (count === 0) await runSeed(url, ["tools/seed-cli.ts", "--demo"]);
  if (count < target) {
    log(`Adding synthetic reports up to ${target.toLocaleString("en-GB")} (once; later runs reuse them)…`);
    await runSeed(url, ["tools/seed-large/cli.ts", "--reports", String(target - Math.max(count, 86))]);
  }
  log(`Database holds ${(await countReports(url)).toLocaleString("en-GB")} reports.`);
  return url;
}

async function main() {
  const server = await ensureDatabaseServer({ purpose: "test", log });
  try {
    const url = await prepare(server.url);
    process.env.DATABASE_URL = url;
    process.env.AUTH_SECRET ??= localSecrets().AUTH_SECRET;
    process.env.LIAISON_MASTER_KEY ??= localSecrets().LIAISON_MASTER_KEY;
    // Imported only now: the app's modules read DATABASE_URL when first used.
    const { db } = await import("@/lib/db/client");
    const { createSession, resolveSession } = await import("@/lib/auth/sessions");
    const { startDraft, saveStep } = await import("@/lib/intake/drafts");
    const { submitDraft } = await import("@/lib/intake/submit");
    const officer = await db().user.findUniqueOrThrow({ where: { email: "officer@demo.liaison.test" } });
    const user = await resolveSession(await createSession(officer.id));
    if (!user) throw new Error("bench session did not resolve");

    const steps = {
      person: { existingPersonId: "NEW", workingName: "Bench", immediateDanger: "NO", language: "ENGLISH" },
      "what-happened": {
        incidentTypes: ["PHYSICAL_ASSAULT"],
        whenKnown: "EXACT",
        incidentDate: "2026-05-01",
        area: "Docks",
      },
      who: { relationship: "CLIENT", vehicleRegistrations: "ZB26 XYZ", phoneNumbers: "07700 900456" },
      account: { narrative: "A short account written for the benchmark. ".repeat(40) },
      wishes: { personWants: "FULL_INVESTIGATION" },
      safety: { enhancedRights: "NOT_KNOWN" },
      crime: { reportingRoute: "DIRECT_TO_LIAISON_OFFICER", crimeRecorded: "NOT_KNOWN" },
    } as const;
    const time = async (fn: () => Promise<unknown>) => {
      const started = performance.now();
      await fn();
      return performance.now() - started;
    };

    // Warm up connections and code paths before measuring.
    for (let i = 0; i < 10; i++) {
      const id = (await startDraft(user))!;
      for (const [slug, values] of Object.entries(steps))
        await saveStep(user, id, slug as keyof typeof steps, values);
      await submitDraft(user, id);
    }

    const saveTimes: number[] = [];
    const submitTimes: number[] = [];
    log(`Measuring ${ITERATIONS} step saves and ${ITERATIONS} submissions…`);
    for (let i = 0; i < ITERATIONS; i++) {
      const id = (await startDraft(user))!;
      for (const [slug, values] of Object.entries(steps)) {
        const elapsed = await time(() => saveStep(user, id, slug as keyof typeof steps, values));
        if (slug === "what-happened") saveTimes.push(elapsed);
      }
      submitTimes.push(await time(() => submitDraft(user, id)));
    }
    console.log(
      `\nIntake on ${(await countReports(url)).toLocaleString("en-GB")} reports (server-side, lib functions the actions call):`,
    );
    summarise("save a step (validate+store)", saveTimes);
    summarise("submit a report", submitTimes);
    await db().$disconnect();
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
