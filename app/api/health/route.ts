import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

// 200 when every dependency answers, else 503 naming the one that failed:
// { "status": "unavailable", "checks": { "database": "unavailable" } }.
export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503 });
}
