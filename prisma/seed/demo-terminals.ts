// Demo terminals (simulator mode): the simulator's catalog written into `terminals`, so the status probes know each
// store's terminals before the runbook's terminal sync has run, and each store's probe terminal. Upserts by id.
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEMO_CATALOG } from "@/sim/catalog";

type Tx = Prisma.TransactionClient;

export async function seedDemoTerminals(tx: Tx): Promise<number> {
  for (const t of DEMO_CATALOG.terminals) {
    const data = {
      storeId: t.storeId,
      companyId: DEMO_CATALOG.companyId,
      merchantId: t.storeId ? DEMO_CATALOG.merchantAccount : null,
      model: t.model,
      serialNumber: t.serialNumber,
      firmwareVersion: t.firmwareVersion,
      assignmentStatus: t.status,
    };
    await tx.terminal.upsert({ where: { id: t.id }, create: { id: t.id, ...data }, update: data });
  }
  for (const s of DEMO_CATALOG.stores) {
    if (!s.probeTerminalId) continue;
    await tx.statusProbeTerminal.upsert({
      where: { storeId: s.id },
      create: { storeId: s.id, terminalId: s.probeTerminalId },
      update: { terminalId: s.probeTerminalId },
    });
  }
  return DEMO_CATALOG.terminals.length;
}
