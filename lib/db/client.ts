// The one Prisma client. Server code reaches it only through lib/<area> functions; tools
// (migrations, seeds, benchmarks) build their own from a URL with createPrismaClient.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export function createPrismaClient(connectionString: string, poolSize = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: poolSize }) });
}

const holder = globalThis as unknown as { liaisonPrisma?: PrismaClient };

export function db(): PrismaClient {
  holder.liaisonPrisma ??= createPrismaClient(env().DATABASE_URL);
  return holder.liaisonPrisma;
}

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;
