// Runs once when a Next.js server instance starts (Next.js calls `register` before the server
// takes requests). The Node.js server starts the hourly purge of expired drafts
// (lib/retention/purge-drafts.ts, docs/decisions/020) in the background, so a database that is
// down at start delays nothing. Not during `next build`, which may load this file too.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { scheduleDraftPurge } = await import("@/lib/retention/purge-drafts");
    scheduleDraftPurge();
  }
}
