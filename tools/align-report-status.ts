// `npm run db:align-status`: brings every report's status in line with its outcome trail,
// once, on the database in DATABASE_OWNER_URL (else DATABASE_URL) (lib/outcomes/align-status.ts).
// Safe to run again. It reaches every unit's reports, so it runs as the owner: the runtime role
// sees no case content outside a signed-in user's scope (docs/decisions/016).
import { createPrismaClient } from "@/lib/db/client";
import { applyLocalFieldKey } from "./secrets";
import { alignReportStatuses } from "@/lib/outcomes/align-status";

async function main(): Promise<number> {
  const url = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set. Set it to the database whose reports should be aligned.");
    return 1;
  }
  applyLocalFieldKey();
  const client = createPrismaClient(url, 2);
  try {
    const r = await alignReportStatuses(client);
    console.log(
      `Checked ${r.checked} reports: ${r.closed} closed (${r.closingsWritten} closings written for a final outcome), ${r.reopened} reopened.`,
    );
    return 0;
  } finally {
    await client.$disconnect();
  }
}

process.exitCode = await main();
