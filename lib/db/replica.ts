// Reads that may trail the primary by a moment go to a streaming read replica when
// DATABASE_REPLICA_URL names one (issue 11, docs/deploy.md): dashboards, their exports and
// drill-downs. Everything else — every write, every audit event, and every read that must
// see what this person has just written (drafts, case pages, sessions, throttles) — uses
// the primary through db().
//
// The replica is reached as the same runtime role (docs/decisions/016): a physical replica
// carries the primary's roles, grants and row-security policies, and withRowScope-style
// settings (set_config) work in a read-only transaction, so the same scoping applies.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { createPrismaClient, db } from "./client";

const holder = globalThis as unknown as { liaisonReplica?: PrismaClient };

// The client for read-only pages: the replica when one is configured, else the primary.
export function readDb(): PrismaClient {
  const url = env().DATABASE_REPLICA_URL;
  if (!url) return db();
  holder.liaisonReplica ??= createPrismaClient(url, env().DATABASE_POOL_SIZE);
  return holder.liaisonReplica;
}
