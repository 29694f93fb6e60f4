// Readiness for load balancers and operators: which dependency, if any, is failing. Names
// the dependency and nothing else (no address, no error text).
//
// - database (the primary): everything needs it. Down: status "unavailable", HTTP 503.
// - replica (only when DATABASE_REPLICA_URL is set, lib/db/replica.ts): only the dashboards
//   and their exports read from it. Down: status "degraded", still HTTP 200, so that a load
//   balancer does not take every instance out of service (the replica is shared by all of
//   them) while sign-in, intake and every form still work; the check names it for operators.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { db } from "@/lib/db/client";
import { readDb } from "@/lib/db/replica";

type Check = "ok" | "unavailable";
export type Health = {
  status: "ok" | "degraded" | "unavailable";
  checks: { database: Check; replica?: Check };
};

const TIMEOUT_MS = 2000;

// A database that does not answer within 2 s counts as down: a load balancer asking must
// not hang on a connection that will never open.
async function answers(client: PrismaClient): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), TIMEOUT_MS);
  });
  const asked = client.$queryRaw`SELECT 1`.then(() => true).catch(() => false);
  try {
    return (await Promise.race([asked, late])) ? "ok" : "unavailable";
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(): Promise<Health> {
  const hasReplica = Boolean(env().DATABASE_REPLICA_URL);
  const [database, replica] = await Promise.all([
    answers(db()),
    hasReplica ? answers(readDb()) : Promise.resolve(undefined),
  ]);
  const checks: Health["checks"] = replica ? { database, replica } : { database };
  const status = database !== "ok" ? "unavailable" : replica === "unavailable" ? "degraded" : "ok";
  return { status, checks };
}
