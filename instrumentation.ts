// Runs once when a Next.js server instance starts (Next.js calls `register` before the server
// takes requests). Not during `next build`, which may load this file too. The Node.js server:
// - starts the hourly purge of expired drafts (lib/retention/purge-drafts.ts,
//   docs/decisions/020) in the background, so a database that is down at start delays
//   nothing;
// - answers 503, not 500, for a page whose database went away while it was being made
//   (lib/db/outage-status.ts, docs/decisions/014): `onRequestError` marks such a request
//   while it fails, before its status is written.
import type { Instrumentation } from "next";

let noteRenderError: ((error: unknown, request: { headers: unknown }) => void) | undefined;

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const outage = await import("@/lib/db/outage-status");
    outage.answerLostDatabaseWith503();
    noteRenderError = outage.noteRenderError;
    const { scheduleDraftPurge } = await import("@/lib/retention/purge-drafts");
    scheduleDraftPurge();
  }
}

// Synchronous on purpose: Next.js does not wait for it before writing the failed page's status.
export const onRequestError: Instrumentation.onRequestError = (error, request) => {
  noteRenderError?.(error, request);
};
