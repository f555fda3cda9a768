// Demo data for simulator mode: the simulator's stores and the demo users. Idempotent: safe to run again.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit";
import { DEMO_CATALOG } from "@/sim/catalog";
import { DEMO_USERS } from "./demo-users";
import { seedDemoReconciliation } from "./demo-reconciliation";
import { seedDemoTerminals } from "./demo-terminals";
import { reconcile } from "@/lib/reconciliation/engine/run";
import { ADYEN_RETIREMENT, RETIREMENT_SETTING } from "@/lib/idempotency/trend";
import { seedDemoRunbook } from "./demo-runbook";

export type SeedResult = { stores: number; usersCreated: number };

export async function seedDemo(client: PrismaClient): Promise<SeedResult> {
  const hashes = new Map<string, string>();
  for (const u of DEMO_USERS) hashes.set(u.email, await hashPassword(u.password));
  return client.$transaction(async (tx) => {
    for (const s of DEMO_CATALOG.stores) {
      const data = {
        reference: s.reference,
        name: s.name,
        timezone: s.timezone,
        country: s.country,
        defaultCurrency: s.currency,
        merchantAccount: DEMO_CATALOG.merchantAccount,
      };
      await tx.store.upsert({ where: { id: s.id }, create: { id: s.id, ...data }, update: data });
    }
    await seedDemoTerminals(tx);
    let usersCreated = 0;
    for (const u of DEMO_USERS) {
      if (await tx.user.findUnique({ where: { email: u.email } })) continue;
      const storeIds = DEMO_CATALOG.stores.filter((s) => u.storeRefs.includes(s.reference)).map((s) => s.id);
      const user = await tx.user.create({
        data: {
          email: u.email,
          name: u.name,
          role: u.role,
          demo: true,
          passwordHash: hashes.get(u.email) ?? null,
          stores: { create: storeIds.map((storeId) => ({ storeId })) },
        },
      });
      await recordAudit(tx, "system", {
        action: "user.create",
        entityType: "user",
        entityId: user.id,
        after: { email: u.email, role: u.role, storeIds, demo: true },
      });
      usersCreated++;
    }
    // Adyen's retirement dates of the legacy idempotency framework, marked on the checker's trend.
    await tx.appSetting.upsert({
      where: { key: RETIREMENT_SETTING },
      create: { key: RETIREMENT_SETTING, value: { ...ADYEN_RETIREMENT } },
      update: {},
    });
    return { stores: DEMO_CATALOG.stores.length, usersCreated };
  });
}

/** Seeds only an empty database, so a restart never re-creates what someone deleted on purpose. */
export async function seedDemoIfEmpty(client: PrismaClient): Promise<(SeedResult & { orders: number }) | null> {
  if ((await client.user.count()) > 0) return null;
  const result = await seedDemo(client);
  const orders = await seedDemoReconciliation(client);
  await seedDemoRunbook(client);
  await reconcile({ kind: "full" });
  return { ...result, orders };
}
