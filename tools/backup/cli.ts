// `npm run db:backup [-- --out=<file>]` and `npm run db:restore -- <file> [--into=<database>]`
// (docs/decisions/020). Both work against the embedded server (the one `npm start` runs, or
// one started for the run) or the server in DATABASE_OWNER_URL / DATABASE_URL. A restore
// goes into a NEW database on the same server (default `liaison_restored_<time>`), never
// over the live one: point DATABASE_URL at it, or rename it, once you have checked it
// (`npm run audit:verify`).
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ensureDatabaseServer, createDatabase, dropDatabase, redact, withDatabase } from "../db/server";
import { ownerUrlFor } from "../db/roles";
import { localSecrets, ROOT } from "../secrets";
import { verifyAuditChain } from "../audit/verify";
import { backupDatabase, restoreDatabase } from "./backup";
import { backupKeyFrom, readHeader } from "./envelope";

function option(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function key(embedded: boolean) {
  // Demo mode (the embedded server) falls back to the generated master key in .data/secrets.json;
  // a real server must be given its key in the environment.
  const env = {
    LIAISON_BACKUP_KEY: process.env.LIAISON_BACKUP_KEY,
    LIAISON_MASTER_KEY:
      process.env.LIAISON_MASTER_KEY ?? (embedded ? localSecrets().LIAISON_MASTER_KEY : undefined),
  };
  return backupKeyFrom(env);
}

const stamp = () => new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
const log = (line: string) => console.error(line);

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const server = await ensureDatabaseServer({ purpose: "app", log, shareRunning: true });
  try {
    const ownerUrl = ownerUrlFor(server.url);
    const backupKey = key(server.embedded);
    if (command === "backup") {
      const file = resolve(option("out") ?? join(ROOT, ".data", "backups", `liaison-${stamp()}.lbk`));
      mkdirSync(dirname(file), { recursive: true });
      console.error(`Backing up ${redact(ownerUrl)} to ${file} (key ${backupKey.id})…`);
      const started = Date.now();
      const { bytes } = await backupDatabase(ownerUrl, file, backupKey, log);
      console.log(
        `Backup written: ${file} (${(bytes / 1e6).toFixed(1)} MB before compression, ${((Date.now() - started) / 1000).toFixed(1)} s).`,
      );
      return 0;
    }
    if (command === "restore") {
      const file = rest.find((a) => !a.startsWith("--"));
      if (!file) {
        console.error("Usage: npm run db:restore -- <backup file> [--into=<new database name>]");
        return 1;
      }
      const { header } = readHeader(resolve(file));
      if (header.keyId !== backupKey.id) {
        console.error(
          `${file} was encrypted with key ${header.keyId}; the key configured is ${backupKey.id}.`,
        );
        return 1;
      }
      const name = option("into") ?? `liaison_restored_${stamp().toLowerCase()}`;
      await createDatabase(ownerUrl, name);
      const target = withDatabase(ownerUrl, name);
      console.error(`Restoring ${file} (taken ${header.createdAt}) into the new database ${name}…`);
      const { rows, mode } = await restoreDatabase(resolve(file), target, backupKey, log).catch(
        async (e: unknown) => {
          // A failed restore leaves nothing behind: the database it created is dropped.
          await dropDatabase(ownerUrl, name).catch(() => undefined);
          throw e;
        },
      );
      const total = Object.values(rows).reduce((a, b) => a + b, 0);
      const chain = await verifyAuditChain(target);
      console.log(
        `Restored ${total} rows in ${Object.keys(rows).length} tables into ${name} (${mode} mode). ` +
          (chain.ok
            ? `Audit chain intact (${chain.events} events).`
            : `AUDIT CHAIN BROKEN at ${chain.broken.seq}.`),
      );
      return chain.ok ? 0 : 2;
    }
    console.error("Usage: tsx tools/backup/cli.ts backup|restore …");
    return 1;
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
