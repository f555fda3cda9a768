// Tunables of matching. Defaults suit card-present retail; finance can change them in app settings.
import { z } from "zod";
import { db } from "@/lib/db";

export const matchSettingsSchema = z.object({
  /** How far apart an order and a standalone payment may be, in minutes, normally… */
  windowMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(10),
  /** …and inside a declared outage, when staff ring up orders late or early. */
  outageWindowMinutes: z
    .number()
    .int()
    .min(1)
    .max(48 * 60)
    .default(120),
  /** "Close in time": within this many seconds the time counts as agreeing (clocks of POS and terminal drift). */
  closeSeconds: z.number().int().min(1).max(3600).default(120),
  /** An order with no evidence is `expected` for this long, then `missing`. */
  graceMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
});
export type MatchSettings = z.infer<typeof matchSettingsSchema>;

export const DEFAULT_MATCH_SETTINGS: MatchSettings = matchSettingsSchema.parse({});
const KEY = "reconciliation.matching";

export async function loadMatchSettings(): Promise<MatchSettings> {
  const row = await db().appSetting.findUnique({ where: { key: KEY } });
  const parsed = matchSettingsSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : DEFAULT_MATCH_SETTINGS;
}
