// Synthetic Terminal API call: a DiagnosisRequest over the cloud /sync to the store's probe terminal. OK is up;
// Busy or Maintenance degraded; Reject, UnreachableHost, a timeout or a 5xx down.
import type { Adyen } from "@/lib/adyen/client";
import { runDiagnosisProbe } from "@/lib/adyen/terminal-api";
import type { Level } from "@/lib/status/types";
import { describeFailure } from "./describe-error";
import { since, type Limiter } from "./limiter";

export type TerminalApiResult = { storeId: string; terminalId: string; level: Level; text: string; latencyMs: number };

/** Identifies this app as the sale system in the probe's MessageHeader. */
export const PROBE_SALE_ID = "merchant-ops-probe";

export async function probeTerminalApi(
  adyen: Adyen,
  target: { storeId: string; terminalId: string },
  ctx: { limit: Limiter; timeoutMs: number },
): Promise<TerminalApiResult> {
  const started = performance.now();
  const done = (level: Level, text: string): TerminalApiResult => ({
    ...target,
    level,
    text,
    latencyMs: since(started),
  });
  try {
    const { outcome } = await ctx.limit(() =>
      runDiagnosisProbe(adyen, { poiId: target.terminalId, saleId: PROBE_SALE_ID }),
    );
    const on = `${target.terminalId}`;
    switch (outcome.state) {
      case "OK":
        return done("up", `${on} answers (OK)`);
      case "Busy":
      case "Maintenance":
        return done("degraded", `${on} answers ${outcome.state}`);
      case "Unreachable":
        return done("down", `${on} not reachable through the cloud (${outcome.detail ?? "Unreachable"})`);
      default:
        return done("error", `${on}: unreadable answer (${outcome.detail ?? "no POIStatus"})`);
    }
  } catch (err) {
    const f = describeFailure(err, ctx.timeoutMs);
    return done(f.kind, `${target.terminalId}: ${f.text}`);
  }
}
