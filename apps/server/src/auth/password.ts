import { hash, verify, type Options } from "@node-rs/argon2";

// OWASP's recommended argon2id floor: 19 MiB memory, 2 iterations, 1 lane. The algorithm is left
// at the package default, Argon2id (its enum is ambient const, unreadable under isolated
// modules); a unit test checks that stored hashes start with $argon2id$.
const OPTIONS: Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash never signs anyone in.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check when the account does not exist, so response times do
 * not reveal which email addresses have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("bridgeway-timing-equaliser");
  await verifyPassword(await dummyHash, password);
  return false;
}
