// `npm run keys:rotate`: re-encrypts every encrypted field under the current field key
// (the first id in LIAISON_FIELD_KEY_IDS) while the app keeps running. Give every app instance
// the new key list first (new id first, old ones after), then run this; when it reports
// nothing left, the old ids can be dropped from the list. It connects as the schema owner
// (DATABASE_OWNER_URL, else DATABASE_URL), since rows of every unit must be reached.
import pg from "pg";
import { fieldKeyRing } from "@/lib/crypto/keys";
import { rotateFieldKeys } from "@/lib/db/encryption-rotate";
import { redact } from "./db/server";
import { applyLocalFieldKey } from "./secrets";

const USAGE = `Usage: DATABASE_OWNER_URL=postgresql://owner@host/liaison npm run keys:rotate [-- --batch=500]

Re-encrypts every encrypted field under the first key id in LIAISON_FIELD_KEY_IDS, in
batches, without stopping the app. Safe to stop and run again: values already under the
current key are skipped.`;

async function main(args: string[]): Promise<number> {
  const batchArg = args.find((a) => a.startsWith("--batch="));
  const batchSize = batchArg ? Number(batchArg.slice("--batch=".length)) : 500;
  if (args.some((a) => a !== batchArg) || !Number.isInteger(batchSize) || batchSize < 1) {
    console.error(USAGE);
    return 1;
  }
  const url = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL;
  if (!url) {
    console.error(USAGE);
    return 1;
  }
  applyLocalFieldKey();
  const ring = fieldKeyRing();
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const started = performance.now();
  try {
    console.log(`Re-encrypting under key ${ring.currentKeyId} in ${redact(url)}…`);
    const result = await rotateFieldKeys(pool, ring, { batchSize, log: (line) => console.log(line) });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Done in ${seconds}s: ${result.examined} rows read, ${result.rewritten} re-encrypted, ` +
        `${result.skipped} already current or empty, ${result.retried} redone after a concurrent change.`,
    );
    if (result.left > 0) {
      console.error(`${result.left} row(s) kept changing and were left: run it again.`);
      return 2;
    }
    return 0;
  } finally {
    await pool.end();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
