// Readiness for load balancers and operators: which dependency, if any, is failing. Names
// the dependency and nothing else (no address, no error text).
import { db } from "@/lib/db/client";

export type Health = { status: "ok" | "unavailable"; checks: { database: "ok" | "unavailable" } };

const TIMEOUT_MS = 2000;

// A database that does not answer within 2 s counts as down: a load balancer asking must
// not hang on a connection that will never open.
export async function databaseAnswers(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), TIMEOUT_MS);
  });
  const asked = db().$queryRaw`SELECT 1`.then(() => true).catch(() => false);
  try {
    return await Promise.race([asked, late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(): Promise<Health> {
  const database = (await databaseAnswers()) ? "ok" : "unavailable";
  return { status: database === "ok" ? "ok" : "unavailable", checks: { database } };
}
