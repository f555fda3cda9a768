// Renders a catalog terminal as a Management API v3 `Terminal`, with live assignment, network and activity data.
import { createHash } from "node:crypto";
import type { CatalogTerminal } from "../catalog";
import { indexOf } from "../catalog-index";
import { isAssigned, outageFor } from "../device/connectivity";
import type { SimRuntime } from "../runtime";

const HEARTBEAT_MS = 5 * 60 * 1000;

function digest(id: string): Buffer {
  return createHash("sha256").update(id).digest();
}

function byteAt(buf: Buffer, i: number): number {
  return buf[i % buf.length] ?? 0;
}

function macOf(id: string): string {
  const b = digest(id);
  // 0x02 prefix: a locally administered unicast address, never a real vendor's.
  return ["02", ...[1, 2, 3, 4, 5].map((i) => byteAt(b, i).toString(16).padStart(2, "0"))].join(":").toUpperCase();
}

function ipOf(terminal: CatalogTerminal, storeIndex: number): string {
  return `192.168.${10 + storeIndex}.${20 + (byteAt(digest(terminal.id), 0) % 200)}`;
}

function connectivityOf(terminal: CatalogTerminal, storeIndex: number): Record<string, unknown> {
  const common = { ipAddress: ipOf(terminal, storeIndex), macAddress: macOf(terminal.id) };
  switch (terminal.network) {
    case "wifi":
      return { wifi: { ...common, ssid: "store-pos" } };
    case "ethernet":
      return { ethernet: { ...common, linkNegotiation: "auto" } };
    case "cellular": {
      const iccid = `8931${BigInt(`0x${digest(terminal.id).subarray(0, 8).toString("hex")}`)
        .toString()
        .padStart(15, "0")
        .slice(0, 15)}`;
      return { cellular: { iccid, status: "activated" } };
    }
  }
}

/** Terminals report in every few minutes; each one on its own phase so the list does not look synthetic. */
function lastHeartbeat(at: Date, terminalId: string): Date {
  const phase = (byteAt(digest(terminalId), 7) * 1000) % HEARTBEAT_MS;
  return new Date(Math.floor((at.getTime() - phase) / HEARTBEAT_MS) * HEARTBEAT_MS + phase);
}

export function terminalView(rt: SimRuntime, terminal: CatalogTerminal): Record<string, unknown> {
  const { catalog, companyId, merchantAccount } = rt.config;
  const storeIndex = terminal.storeId === null ? -1 : (indexOf(catalog).storeIndex.get(terminal.storeId) ?? -1);
  const store = catalog.stores[storeIndex];
  const assignment: Record<string, unknown> = { companyId, status: terminal.status };
  if (terminal.status !== "inventory") assignment["merchantId"] = merchantAccount;
  if (terminal.storeId !== null) assignment["storeId"] = terminal.storeId;
  const view: Record<string, unknown> = {
    id: terminal.id,
    model: terminal.model,
    serialNumber: terminal.serialNumber,
    firmwareVersion: terminal.firmwareVersion,
    assignment,
    connectivity: connectivityOf(terminal, Math.max(0, storeIndex)),
  };
  if (store) view["countryCode"] = store.country;
  const lastTransaction = rt.state.standalonePayments.findLast((p) => p.terminalId === terminal.id)?.at;
  if (lastTransaction) view["lastTransactionAt"] = lastTransaction.toISOString();
  if (isAssigned(terminal)) {
    const outage = outageFor(rt.state.outages, terminal, rt.clock.now());
    const heartbeat = lastHeartbeat(outage ? outage.since : rt.clock.now(), terminal.id);
    const activity = lastTransaction && lastTransaction > heartbeat ? lastTransaction : heartbeat;
    view["lastActivityAt"] = activity.toISOString();
  }
  return view;
}
