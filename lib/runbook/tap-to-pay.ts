// Tap to Pay per store, as an admin records it: whether the store has it, on how many phones, and its procedure
// (a link to the store's own instructions, or the text). The runbook offers Tap to Pay only where it is recorded.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";

export const tapToPayInputSchema = z
  .object({
    storeId: z.string().trim().min(1).max(64),
    available: z.boolean({ message: "must be true or false" }),
    devices: z.preprocess(
      (v) => (v === "" || v === null ? undefined : v),
      z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(1000).optional(),
    ),
    procedure: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z.string().trim().max(4000, "must be at most 4000 characters").optional(),
    ),
  })
  .refine((t) => !t.procedure || !/^[a-z][a-z0-9+.-]*:/i.test(t.procedure) || /^https?:\/\/\S+$/i.test(t.procedure), {
    path: ["procedure"],
    message: "a link must be an http(s) address",
  });

export type TapToPay = { storeId: string; available: boolean; devices: number | null; procedure: string | null };

export async function recordTapToPay(actor: Principal, input: unknown): Promise<TapToPay> {
  assertCan(actor, "stores.tap_to_pay.write");
  const t = tapToPayInputSchema.parse(input);
  const before = await db().store.findUnique({ where: { id: t.storeId } });
  if (!before) throw new AppError("NOT_FOUND", `No store ${t.storeId}.`);
  const data = {
    hasTapToPay: t.available,
    tapToPayDevices: t.available ? (t.devices ?? null) : null,
    tapToPaySteps: t.available ? (t.procedure ?? null) : null,
  };
  await db().$transaction(async (tx) => {
    await tx.store.update({ where: { id: t.storeId }, data });
    await recordAudit(tx, actor, {
      action: "store.tap_to_pay",
      entityType: "store",
      entityId: t.storeId,
      before: { available: before.hasTapToPay, devices: before.tapToPayDevices, procedure: before.tapToPaySteps },
      after: { available: data.hasTapToPay, devices: data.tapToPayDevices, procedure: data.tapToPaySteps },
    });
  });
  return {
    storeId: t.storeId,
    available: data.hasTapToPay,
    devices: data.tapToPayDevices,
    procedure: data.tapToPaySteps,
  };
}

export function tapToPayOf(store: {
  id: string;
  hasTapToPay: boolean;
  tapToPayDevices: number | null;
  tapToPaySteps: string | null;
}): TapToPay {
  return {
    storeId: store.id,
    available: store.hasTapToPay,
    devices: store.tapToPayDevices,
    procedure: store.tapToPaySteps,
  };
}
