// "Valid for" as people write it (`90d`, `12h`, `2w`), for the ops CLI and the admin form, into an expiry time.
import { AppError } from "@/lib/errors";

const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
/** Ten years: longer is "until revoked", which is what no expiry says. */
const MAX_MS = 3650 * UNIT_MS.d;

export const TOKEN_EXPIRY_CHOICES_DAYS = [7, 30, 90, 365] as const;

/** `undefined` or empty → no expiry; otherwise a duration from now, or a VALIDATION error naming the format. */
export function expiryFromDuration(text: string | undefined, now = new Date()): Date | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const match = /^(\d{1,5})\s*([hdw])$/i.exec(text.trim());
  const unit = match?.[2]?.toLowerCase() as keyof typeof UNIT_MS | undefined;
  const ms = match && unit ? Number(match[1]) * UNIT_MS[unit] : NaN;
  if (!(ms > 0 && ms <= MAX_MS)) {
    throw new AppError(
      "VALIDATION",
      `expires-in must be a duration such as 12h, 30d or 2w (at most 3650d), not "${text.slice(0, 20)}"`,
    );
  }
  return new Date(now.getTime() + ms);
}
