import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

// 200 while the primary database answers, else 503; the checks name what failed:
// { "status": "unavailable", "checks": { "database": "unavailable" } }, or, with a read
// replica configured and down, { "status": "degraded", "checks": { "database": "ok",
// "replica": "unavailable" } } (lib/health.ts says why that is still 200).
export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "unavailable" ? 503 : 200 });
}
