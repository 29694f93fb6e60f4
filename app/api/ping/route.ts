// The framework's ceiling for `npm run bench:http`: a route that reads no session and no
// database and answers at once, so the bench can set each page's throughput beside it.
// It says nothing about the app or its dependencies (that is /api/health).
export const dynamic = "force-dynamic";

export function GET(): Response {
  return new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
