// Is the database reachable? Asked by proxy.ts before every page load, so that during an
// outage a page answers 503 with Liaison's own explanation instead of failing half-way
// through rendering. One probe (a fresh connection and `SELECT 1`, at most 1 s) runs at a
// time and its answer is reused for a second, so the check costs one connection a second
// per app instance, whatever the traffic. Reveals nothing but up or down.
import pg from "pg";
import { env } from "@/lib/env";

const FRESH_MS = 1000;
const PROBE_TIMEOUT_MS = 1000;

type Liveness = { ok: boolean; at: number; pending: Promise<boolean> | null };
const holder = globalThis as unknown as { liaisonLiveness?: Liveness };

async function probe(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: env().DATABASE_URL,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    query_timeout: PROBE_TIMEOUT_MS,
  });
  // A server that goes away mid-probe emits an error event; without a listener it would
  // crash the process.
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

// `fresh`: ask now rather than reuse the last second's answer (after a query has failed).
export async function databaseReachable(now = Date.now(), opts: { fresh?: boolean } = {}): Promise<boolean> {
  const state = (holder.liaisonLiveness ??= { ok: true, at: 0, pending: null });
  if (!opts.fresh && now - state.at < FRESH_MS) return state.ok;
  state.pending ??= probe().then((ok) => {
    state.ok = ok;
    state.at = Date.now();
    state.pending = null;
    return ok;
  });
  return state.pending;
}
