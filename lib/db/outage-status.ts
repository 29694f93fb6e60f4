// A page whose database goes away while it is being made answers 503, like every other page
// load of the outage (docs/decisions/014).
//
// proxy.ts answers 503 before rendering when its probe finds the database down. What it
// cannot see is a database that goes away after the probe, between the page's own queries:
// the page throws, and Next.js sets the status itself (500) — a server component cannot set
// any other. Two hooks of the Node.js server, installed from instrumentation.ts, close that:
// - `noteRenderError`, Next.js's `onRequestError`, runs while the page fails, before anything
//   is sent. When the error is the database's connection failing, it marks the request (its
//   headers object, which Next.js passes as it is; a WeakSet, so the mark goes with the
//   request);
// - `answerLostDatabaseWith503` changes, for a marked page load only, the 500 Next.js then
//   writes into 503 with `Retry-After`, the outage's status. The page itself is the error
//   boundary in the app's layout, which names the outage (app/error.tsx).
// Nothing else is touched: any other status, any other error, API routes and form posts
// (which answer for themselves) go out as they are.
import { ServerResponse, type IncomingHttpHeaders, type OutgoingHttpHeaders } from "node:http";
import { isDatabaseLost } from "./database-lost";
import { isPageLoadOf } from "./outage-response";

const lostDuringRender = new WeakSet<object>();

export function noteRenderError(error: unknown, request: { headers: unknown }): void {
  if (typeof request.headers === "object" && request.headers !== null && isDatabaseLost(error))
    lostDuringRender.add(request.headers);
}

export function answersWith503(
  status: number,
  request: { method?: string; url?: string; headers: IncomingHttpHeaders } | undefined,
): boolean {
  return (
    status === 500 &&
    request !== undefined &&
    lostDuringRender.has(request.headers) &&
    isPageLoadOf(request.method, request.url ?? "/")
  );
}

type WriteHead = (
  this: ServerResponse,
  status: number,
  reason?: string | OutgoingHttpHeaders,
  headers?: OutgoingHttpHeaders,
) => ServerResponse;

const installed = Symbol.for("liaison.outageStatus");

export function answerLostDatabaseWith503(): void {
  const proto = ServerResponse.prototype as unknown as { writeHead: WriteHead; [installed]?: true };
  if (proto[installed]) return;
  proto[installed] = true;
  const writeHead = proto.writeHead;
  proto.writeHead = function (status, reason, headers) {
    if (!answersWith503(status, this.req)) return writeHead.call(this, status, reason, headers);
    this.setHeader("Retry-After", "60");
    // A reason phrase given for the 500 would be wrong for the 503: Node.js supplies its own.
    return writeHead.call(this, 503, typeof reason === "string" ? headers : reason);
  };
}
