// The one Prisma client. Server code reaches it only through lib/<area> functions; tools
// (migrations, seeds, benchmarks) build their own from a URL with createPrismaClient.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { fieldKeyRing } from "@/lib/crypto/keys";
import { withFieldEncryption } from "./encryption";

export function createPrismaClient(connectionString: string, poolSize = 10): PrismaClient {
  // Personal data is encrypted at rest field by field (lib/db/encryption.ts).
  return withFieldEncryption(
    new PrismaClient({
      adapter: new PrismaPg({ connectionString, max: poolSize }),
      // The audit chain's columns belong to the database (trigger-written, read by
      // `npm run audit:verify` in SQL); ordinary reads never need them.
      omit: { auditEvent: { seq: true, prevHash: true, hash: true } },
    }),
    fieldKeyRing,
  );
}

const holder = globalThis as unknown as { liaisonPrisma?: PrismaClient };

export function db(): PrismaClient {
  holder.liaisonPrisma ??= createPrismaClient(env().DATABASE_URL);
  return holder.liaisonPrisma;
}

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;
