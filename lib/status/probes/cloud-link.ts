// Cloud link per store: GET …/connectedDevices?store= once per store, then GET …/devices/{id}/status only for the
// store's known terminals missing from that list. Cost grows with stores, not terminals, while all is well.
import type { Adyen } from "@/lib/adyen/client";
import { getConnectedDevices, getDeviceStatus } from "@/lib/adyen/cloud-device";
import { describeFailure } from "./describe-error";
import { since, type Limiter } from "./limiter";

export type StoreTerminals = { storeId: string; terminalIds: string[] };

export type CloudLinkResult = {
  storeId: string;
  total: number;
  connected: number;
  /** Per known terminal: connected or not, as far as this cycle could tell. */
  online: Record<string, boolean>;
  latencyMs: number;
  calls: number;
  error?: string;
};

function deviceIds(answer: unknown): string[] | null {
  const ids = (answer as { uniqueDeviceIds?: unknown } | null)?.uniqueDeviceIds;
  // Adyen omits the list when no device is connected.
  if (ids === undefined) return [];
  return Array.isArray(ids) && ids.every((i) => typeof i === "string") ? ids : null;
}

export async function probeCloudLink(
  adyen: Adyen,
  store: StoreTerminals,
  ctx: { limit: Limiter; timeoutMs: number },
): Promise<CloudLinkResult> {
  const started = performance.now();
  const result = (over: Partial<CloudLinkResult>, calls: number): CloudLinkResult => ({
    storeId: store.storeId,
    total: store.terminalIds.length,
    connected: 0,
    online: {},
    latencyMs: since(started),
    calls,
    ...over,
  });
  let listed: string[] | null;
  try {
    listed = deviceIds(await ctx.limit(() => getConnectedDevices(adyen, store.storeId)));
  } catch (err) {
    return result({ error: `connectedDevices: ${describeFailure(err, ctx.timeoutMs).text}` }, 1);
  }
  if (listed === null) return result({ error: "connectedDevices: malformed answer (uniqueDeviceIds)" }, 1);
  const listedSet = new Set(listed);
  const online: Record<string, boolean> = {};
  const missing = store.terminalIds.filter((id) => !listedSet.has(id));
  for (const id of store.terminalIds) if (listedSet.has(id)) online[id] = true;
  // Confirm each missing terminal: the list can lag behind a terminal that just reconnected.
  await Promise.all(
    missing.map(async (id) => {
      try {
        const s = await ctx.limit(() => getDeviceStatus(adyen, id));
        online[id] = String(s.status) === "ONLINE";
      } catch {
        online[id] = false; // not listed and not confirmed online
      }
    }),
  );
  const connected = Object.values(online).filter(Boolean).length;
  return result({ connected, online, latencyMs: since(started) }, 1 + missing.length);
}
