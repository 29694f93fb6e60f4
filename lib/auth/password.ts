// Password hashing with argon2id (OWASP's first choice), parameters fixed here so that every
// hash, including the decoy below, costs the same to check.
import { hash, verify, type Algorithm } from "@node-rs/argon2";

// Algorithm is a const enum, which isolated modules cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Checked when the email matches no usable account, so a wrong email takes as long as a
// wrong password and the response does not reveal which accounts exist.
let decoy: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  decoy ??= hashPassword("decoy password that matches no account");
  const target = storedHash ?? (await decoy);
  try {
    const ok = await verify(target, password);
    return ok && storedHash !== null;
  } catch {
    return false;
  }
}
