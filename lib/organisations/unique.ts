// Prisma's "unique constraint failed" error, so a duplicate name is a message, not a 500.
// Checked by its code rather than by reading first: two administrators adding the same
// name at once would both pass a read.
import { Prisma } from "@/lib/generated/prisma/client";

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
