// `npm run audit:verify`: checks the audit chain of the database in DATABASE_OWNER_URL or
// DATABASE_URL (or the embedded app database) and prints the first broken link, or the
// head of the chain to note down elsewhere (a later run can then show nothing before it
// was rewritten: pass it as --expect-head=<seq>:<hash>).
import { ensureDatabaseServer } from "../db/server";
import { ownerUrlFor } from "../db/roles";
import { verifyAuditChain } from "./verify";

async function main(): Promise<number> {
  const expect = process.argv.find((a) => a.startsWith("--expect-head="))?.slice("--expect-head=".length);
  const server = await ensureDatabaseServer({
    purpose: "app",
    shareRunning: true,
    log: (l) => console.error(l),
  });
  try {
    const started = Date.now();
    const report = await verifyAuditChain(ownerUrlFor(server.url), {
      onProgress: (n) => process.stdout.write(`\rChecked ${n} audit events…`),
    });
    process.stdout.write("\n");
    if (!report.ok) {
      const what = {
        hash: "its hash does not match its contents (the event was changed)",
        link: "it does not name the previous event's hash (an event before it was removed, added or changed)",
        unchained: "it carries no chain fields",
      }[report.broken.reason];
      console.error(
        `Audit chain BROKEN at event seq ${report.broken.seq || "?"} (id ${report.broken.id}): ${what}. ` +
          `${report.events} events before it are intact.`,
      );
      return 2;
    }
    if (expect && report.head) {
      const [seq, hash] = expect.split(":");
      const { rows } = await import("pg").then(async ({ default: pg }) => {
        const c = new pg.Client({ connectionString: ownerUrlFor(server.url) });
        await c.connect();
        try {
          return await c.query<{ hash: string }>(`SELECT hash FROM "AuditEvent" WHERE seq = $1::bigint`, [
            seq,
          ]);
        } finally {
          await c.end();
        }
      });
      if (rows[0]?.hash !== hash) {
        console.error(`Audit chain REWRITTEN: event ${seq} no longer has the hash noted earlier.`);
        return 2;
      }
    }
    console.log(
      `Audit chain intact: ${report.events} events in ${((Date.now() - started) / 1000).toFixed(1)} s.` +
        (report.head ? ` Head: ${report.head.seq}:${report.head.hash}` : ""),
    );
    return 0;
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
