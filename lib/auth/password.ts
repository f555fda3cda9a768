// Passwords: bcrypt, computed in a worker thread (lib/auth/hash-pool.ts) so sign-ins never stall the event loop.
import { bcryptCompare, bcryptHash } from "@/lib/auth/hash-pool";

const COST = 11;
// Compared against when the email is unknown, so a miss costs as long as a hit (no user enumeration by timing).
const DUMMY_HASH = "$2b$11$C6UzMDM.H6dfI/f/IKcEeO5eZ1Mn2vPbQvOrS0mKqrsFx5dX3u1Ru";

export async function hashPassword(plain: string): Promise<string> {
  return bcryptHash(plain, COST);
}

export async function verifyPassword(plain: string, hash: string | null | undefined): Promise<boolean> {
  const ok = await bcryptCompare(plain, hash ?? DUMMY_HASH);
  return Boolean(hash) && ok;
}

export function checkPasswordStrength(plain: string): string | undefined {
  if (plain.length < 12) return "must be at least 12 characters";
  if (plain.length > 200) return "must be at most 200 characters";
  return undefined;
}
