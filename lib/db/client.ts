// The one Prisma client. Server code reaches it only through lib/<area> functions; tools
// (migrations, seeds, benchmarks) build their own from a URL with createPrismaClient.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { fieldKeyRing } from "@/lib/crypto/keys";
import { withFieldEncryption } from "./encryption";

const TRANSACTION_MAX_WAIT_MS = 10_000;

export function createPrismaClient(connectionString: string, poolSize = 10): PrismaClient {
  // Personal data is encrypted at rest field by field (lib/db/encryption.ts).
  return withFieldEncryption(
    new PrismaClient({
      adapter: new PrismaPg({ connectionString, max: poolSize }),
      // Under load every connection can be busy for a while; a transaction waits up to 10 s
      // for one (Prisma's default, 2 s, failed requests that would have been served).
      transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS },
      // The audit chain's columns belong to the database (trigger-written, read by
      // `npm run audit:verify` in SQL); ordinary reads never need them.
      omit: { auditEvent: { seq: true, prevHash: true, hash: true } },
    }),
    fieldKeyRing,
  );
}

const holder = globalThis as unknown as { liaisonPrisma?: PrismaClient };

export function db(): PrismaClient {
  holder.liaisonPrisma ??= createPrismaClient(env().DATABASE_URL, env().DATABASE_POOL_SIZE);
  return holder.liaisonPrisma;
}

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;
