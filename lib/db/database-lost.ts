// Does an error say that the connection to PostgreSQL failed (stopped, restarting, refused,
// cut), as opposed to a query failing? Used where a failure is explained to the person: a page
// load answers 503 for it (lib/db/outage-status.ts), a form says the database cannot be reached
// (lib/forms/safe-action.ts). No dependency on the request, so any server code may ask.

// Error kinds and codes that mean "the connection to PostgreSQL is gone or cannot be made",
// as pg, Prisma's driver adapter and PostgreSQL report them. A failing query (a constraint,
// bad input) is none of these.
const LOST_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
const LOST_PRISMA_CODES = new Set(["P1001", "P1002", "P1017"]);
// 57P01–57P03: the server is shutting down, crashed, or cannot take connections yet; class
// 08: connection exceptions.
const LOST_SQLSTATE = /^(57P0[123]|08\d{3})$/;
const LOST_MESSAGE =
  /Connection terminated|Connection ended|connection error and is not queryable|ECONNREFUSED|ECONNRESET|EPIPE|Can't reach database server|the database system is (shutting down|starting up)|terminating connection due to administrator command/;

function causes(error: unknown): unknown[] {
  const seen: unknown[] = [];
  const queue = [error];
  while (queue.length > 0 && seen.length < 8) {
    const next = queue.shift();
    if (typeof next !== "object" || next === null || seen.includes(next)) continue;
    seen.push(next);
    const { cause, meta } = next as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
    queue.push(cause, meta?.driverAdapterError);
  }
  return seen;
}

export function isDatabaseLost(error: unknown): boolean {
  return causes(error).some((e) => {
    const { kind, code, originalCode, message } = e as Record<string, unknown>;
    return (
      (typeof kind === "string" && LOST_KINDS.has(kind)) ||
      (typeof code === "string" && (LOST_PRISMA_CODES.has(code) || LOST_SQLSTATE.test(code))) ||
      (typeof originalCode === "string" && LOST_SQLSTATE.test(originalCode)) ||
      (typeof message === "string" && LOST_MESSAGE.test(message))
    );
  });
}
