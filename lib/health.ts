// Liveness for load balancers: does the database answer? Reveals nothing else.
import { db } from "@/lib/db/client";

export async function databaseAnswers(): Promise<boolean> {
  try {
    await db().$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
