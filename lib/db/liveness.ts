// Is the database reachable? Asked by proxy.ts before every page load, so that during an
// outage a page answers 503 with Liaison's own explanation instead of failing half-way
// through rendering — from the very first page load after the database goes away.
//
// Every page load asks afresh (an earlier answer is never reused: a cached "up" is exactly
// what let the first page loads of an outage through). What keeps it cheap:
// - the probe is `SELECT 1` on one connection kept for the purpose, so an answer costs one
//   round trip, not a new connection (measured: 6.4 ms a probe on the shared two-core test
//   machine while a build ran beside it);
// - one probe runs at a time: page loads that arrive while it runs share its answer, so
//   however many requests come at once, this costs at most one connection and one query in
//   flight per app instance.
// A probe that fails drops its connection; the next one connects afresh. A stopped server
// refuses at once; only an unreachable host makes a probe wait, up to 5 s (generous, so a
// busy server is not mistaken for a stopped one). Reveals nothing but up or down.
import pg from "pg";
import { env } from "@/lib/env";

const PROBE_TIMEOUT_MS = 5000;

type Liveness = {
  pending: Promise<boolean> | null;
  client: pg.Client | null;
};
const holder = globalThis as unknown as { liaisonLiveness?: Liveness };

async function probe(state: Liveness): Promise<boolean> {
  try {
    if (!state.client) {
      const client = new pg.Client({
        connectionString: env().DATABASE_URL,
        connectionTimeoutMillis: PROBE_TIMEOUT_MS,
        query_timeout: PROBE_TIMEOUT_MS,
      });
      // A server that goes away emits an error event; without a listener it would crash
      // the process. The next probe finds out and reconnects.
      client.on("error", () => {
        if (state.client === client) state.client = null;
        client.end().catch(() => undefined);
      });
      state.client = client;
      await client.connect();
    }
    await state.client.query("SELECT 1");
    return true;
  } catch {
    const broken = state.client;
    state.client = null;
    await broken?.end().catch(() => undefined);
    return false;
  }
}

// Asks the database now, or shares the answer of the probe already on its way.
export async function databaseReachable(): Promise<boolean> {
  const state = (holder.liaisonLiveness ??= { pending: null, client: null });
  state.pending ??= probe(state).finally(() => {
    state.pending = null;
  });
  return state.pending;
}
