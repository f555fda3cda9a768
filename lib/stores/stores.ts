// Stores: the Adyen stores this merchant runs, visible per principal (store managers see their own).
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { assertCan, storesFor, type Actor } from "@/lib/auth/permissions";

export const storeInputSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{3,64}$/, { message: "must be the Adyen store id (letters, digits, - and _)" }),
  name: z.string().trim().min(1, { message: "is required" }).max(120),
  timezone: z
    .string()
    .trim()
    .refine((tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC", {
      message: "must be an IANA time zone such as Europe/Berlin",
    }),
  reference: z.string().trim().max(120).optional(),
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, { message: "must be a two-letter country code" })
    .optional(),
  defaultCurrency: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/, { message: "must be a three-letter currency code" })
    .optional(),
  merchantAccount: z.string().trim().max(120).optional(),
});
export type StoreInput = z.input<typeof storeInputSchema>;

export async function upsertStore(input: StoreInput, actor: Actor) {
  assertCan(actor, "stores.manage");
  const s = storeInputSchema.parse(input);
  return db().$transaction(async (tx) => {
    const before = await tx.store.findUnique({ where: { id: s.id } });
    const data = {
      name: s.name,
      timezone: s.timezone,
      reference: s.reference,
      country: s.country,
      defaultCurrency: s.defaultCurrency,
      merchantAccount: s.merchantAccount,
    };
    const after = await tx.store.upsert({ where: { id: s.id }, create: { id: s.id, ...data }, update: data });
    await recordAudit(tx, actor, {
      action: before ? "store.update" : "store.create",
      entityType: "store",
      entityId: s.id,
      before,
      after,
    });
    return after;
  });
}

/** The stores the actor may see, by name. */
export async function listStoresFor(actor: Actor) {
  const visible = storesFor(actor, "stores.read");
  return db().store.findMany({
    where: visible === "all" ? {} : { id: { in: visible } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, reference: true, timezone: true, country: true, defaultCurrency: true },
  });
}
