// Is the database reachable? Asked by proxy.ts before every page load, so that during an
// outage a page answers 503 with Liaison's own explanation instead of failing half-way
// through rendering. One probe (`SELECT 1` on a connection kept for the purpose) runs at a
// time and an "up" answer is reused for a second, so the check costs one tiny query a second
// per app instance, whatever the traffic. A probe that fails drops its connection; the next
// one connects afresh. The timeout is generous (5 s) so that a busy server is not mistaken
// for a stopped one: a stopped server refuses at once, and only an unreachable host waits.
// Reveals nothing but up or down.
import pg from "pg";
import { env } from "@/lib/env";

const FRESH_MS = 1000;
const PROBE_TIMEOUT_MS = 5000;

type Liveness = {
  ok: boolean;
  at: number;
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

// `fresh`: ask now rather than reuse the last second's answer (after a query has failed).
export async function databaseReachable(now = Date.now(), opts: { fresh?: boolean } = {}): Promise<boolean> {
  const state = (holder.liaisonLiveness ??= { ok: true, at: 0, pending: null, client: null });
  // Only "up" is reused: while it is down every page load asks again (a stopped server
  // refuses at once), so the first request after it is back is served.
  if (!opts.fresh && state.ok && now - state.at < FRESH_MS) return true;
  state.pending ??= probe(state).then((ok) => {
    state.ok = ok;
    state.at = Date.now();
    state.pending = null;
    return ok;
  });
  return state.pending;
}
