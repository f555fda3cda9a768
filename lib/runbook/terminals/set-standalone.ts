// An admin switches standalone mode on or off for one terminal or a whole store. Adyen replaces every object sent
// and re-inherits the parameters left out, so the whole `standalone` object goes in the PATCH (the current values of
// the other parameters kept). The effective values are then read back from Adyen, stored, and audited before/after.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { isAdyenApiError } from "@/lib/adyen/errors";
import { updateTerminalSettings, type TerminalSettingsScope } from "@/lib/adyen/management";
import { newIdempotencyKey, withAdyenRetry } from "@/lib/adyen/retry";
import { ManagementReader } from "@/lib/runbook/terminals/reader";
import { mapLimited } from "@/lib/runbook/terminals/pool";
import { defaultSyncDeps, type SyncDeps } from "@/lib/runbook/terminals/sync";
import { standaloneValues, type SettingLevel } from "@/lib/runbook/terminals/levels";
import { withStandalone, type LevelValues, type TerminalFacts } from "@/lib/runbook/terminals/fleet-snapshot";

export const standaloneChangeSchema = z.object({
  target: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("terminal"), terminalId: z.string().trim().min(1).max(100) }),
    z.object({ kind: z.literal("store"), storeId: z.string().trim().min(1).max(64) }),
  ]),
  enabled: z.boolean({ message: "must be true or false" }),
});

export type StandaloneChange = {
  target: { kind: "terminal"; terminalId: string } | { kind: "store"; storeId: string };
  enabled: boolean;
  terminals: { terminalId: string; enabled: boolean | null; level: SettingLevel | null }[];
  /** Terminals that keep their own, different setting after a store-wide change. */
  keepOwnSetting: string[];
};

async function affectedTerminals(target: StandaloneChange["target"]) {
  const where = target.kind === "terminal" ? { id: target.terminalId } : { storeId: target.storeId };
  const rows = await db().terminal.findMany({ where: { ...where, removedAt: null }, orderBy: { id: "asc" } });
  if (target.kind === "terminal" && rows.length === 0)
    throw new AppError("NOT_FOUND", `No terminal ${target.terminalId}.`);
  if (target.kind === "store" && !(await db().store.findUnique({ where: { id: target.storeId } })))
    throw new AppError("NOT_FOUND", `No store ${target.storeId}.`);
  return rows;
}

export async function setStandalone(
  actor: Principal,
  input: unknown,
  deps: SyncDeps = defaultSyncDeps(),
): Promise<StandaloneChange> {
  assertCan(actor, "terminals.standalone.write");
  const { target, enabled } = standaloneChangeSchema.parse(input);
  const rows = await affectedTerminals(target);
  const scope: TerminalSettingsScope =
    target.kind === "terminal"
      ? { level: "terminal", terminalId: target.terminalId }
      : { level: "store", storeId: target.storeId };
  const reader = new ManagementReader(deps.adyen, deps.concurrency, deps.retry);
  const current = (await reader.settings(scope)).standalone ?? {};
  const storeId = target.kind === "store" ? target.storeId : rows[0]?.storeId;
  const store = storeId ? await db().store.findUnique({ where: { id: storeId } }) : null;
  const standalone = {
    enableStandalone: enabled,
    currencyCode: current.currencyCode ?? store?.defaultCurrency ?? "EUR",
    enableGratuities: current.enableGratuities ?? false,
  };
  try {
    await withAdyenRetry(
      ({ idempotencyKey }) => updateTerminalSettings(deps.adyen, scope, { standalone }, { idempotencyKey }),
      { idempotencyKey: newIdempotencyKey() },
    );
  } catch (err) {
    if (!isAdyenApiError(err)) throw err;
    throw new AppError("UPSTREAM", `Adyen did not change the setting: ${err.adyenMessage ?? err.message}`);
  }
  const after = await readBack(reader, rows);
  const changed = await db().$transaction(async (tx) => {
    const now = new Date();
    for (const t of after) {
      await tx.terminal.update({
        where: { id: t.id },
        data: {
          standaloneEnabled: t.standaloneEnabled,
          standaloneCurrency: t.standaloneCurrency,
          standaloneLevel: t.standaloneLevel,
          settingsSyncedAt: now,
        },
      });
    }
    const view = (list: { id: string; standaloneEnabled: boolean | null; standaloneLevel: string | null }[]) =>
      list.map((t) => ({ terminalId: t.id, enabled: t.standaloneEnabled, level: t.standaloneLevel }));
    await recordAudit(tx, actor, {
      action: target.kind === "terminal" ? "terminal.standalone" : "store.standalone",
      entityType: target.kind,
      entityId: target.kind === "terminal" ? target.terminalId : target.storeId,
      before: { standalone: current, terminals: view(rows) },
      after: { standalone, terminals: view(after) },
    });
    return view(after) as StandaloneChange["terminals"];
  });
  return {
    target,
    enabled,
    terminals: changed,
    keepOwnSetting: changed.filter((t) => t.enabled !== enabled).map((t) => t.terminalId),
  };
}

/** Each terminal's effective values as Adyen now answers them, with the level they come from. */
async function readBack(reader: ManagementReader, rows: Awaited<ReturnType<typeof affectedTerminals>>) {
  const ids = (pick: (r: (typeof rows)[number]) => string | null) => [
    ...new Set(rows.map(pick).filter((v): v is string => !!v)),
  ];
  const limit = reader.pool.limit;
  const read = async (level: "company" | "merchant" | "store", list: string[]) => {
    const settings = await mapLimited(list, limit, (id) =>
      reader.settings(
        level === "company"
          ? { level, companyId: id }
          : level === "merchant"
            ? { level, merchantId: id }
            : { level, storeId: id },
      ),
    );
    return Object.fromEntries(list.map((id, i) => [id, standaloneValues(settings[i] ?? {})]));
  };
  const levels: LevelValues = {
    companies: await read(
      "company",
      ids((r) => r.companyId),
    ),
    merchants: await read(
      "merchant",
      ids((r) => r.merchantId),
    ),
    stores: await read(
      "store",
      ids((r) => r.storeId),
    ),
  };
  const now = new Date();
  return mapLimited(rows, limit, async (row) => {
    const facts: TerminalFacts = {
      id: row.id,
      storeId: row.storeId,
      merchantId: row.merchantId,
      companyId: row.companyId,
      model: row.model,
      serialNumber: row.serialNumber,
      firmwareVersion: row.firmwareVersion,
      assignmentStatus: row.assignmentStatus,
      lastActivityAt: row.lastActivityAt,
      lastTransactionAt: row.lastTransactionAt,
    };
    const own = standaloneValues(await reader.settings({ level: "terminal", terminalId: row.id }));
    return withStandalone(facts, own, levels, now);
  });
}
