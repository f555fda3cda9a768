// GET/PATCH terminalSettings at company, merchant, store and terminal level; both answer with effective settings.
import { indexOf } from "../catalog-index";
import { notFound, restError } from "../errors";
import { jsonReply, type Reply } from "../http/reply";
import type { Handler, RequestContext } from "../http/router";
import { findTerminal, type SimRuntime } from "../runtime";
import { parseSettingsPatch } from "./settings-patch";
import { forbidForeignMerchant } from "./store-routes";
import { applySettingsPatch, effectiveSettings, type SettingsLevel } from "./terminal-settings";

export type LevelKind = "company" | "merchant" | "store" | "storeByReference" | "terminal";

type Resolved = { ok: true; level: SettingsLevel } | { ok: false; reply: Reply };

function resolveLevel(req: RequestContext, rt: SimRuntime, kind: LevelKind): Resolved {
  const p = req.params;
  switch (kind) {
    case "company":
      return p["companyId"] === rt.config.companyId
        ? { ok: true, level: { kind: "company" } }
        : { ok: false, reply: restError(403, "Forbidden", `No access to company account ${p["companyId"] ?? ""}`) };
    case "merchant": {
      const forbidden = forbidForeignMerchant(rt, p["merchantId"]);
      return forbidden ? { ok: false, reply: forbidden } : { ok: true, level: { kind: "merchant" } };
    }
    case "store":
    case "storeByReference": {
      const forbidden = forbidForeignMerchant(rt, p["merchantId"]);
      if (forbidden) return { ok: false, reply: forbidden };
      const index = indexOf(rt.config.catalog);
      const store =
        kind === "store" ? index.storeById.get(p["storeId"] ?? "") : index.storeByReference.get(p["reference"] ?? "");
      return store
        ? { ok: true, level: { kind: "store", storeId: store.id } }
        : { ok: false, reply: notFound("rest", "Store not found") };
    }
    case "terminal": {
      const terminal = findTerminal(rt, p["terminalId"] ?? "");
      return terminal
        ? { ok: true, level: { kind: "terminal", terminal } }
        : { ok: false, reply: notFound("rest", `Terminal ${p["terminalId"] ?? ""} not found`) };
    }
  }
}

export function getTerminalSettings(kind: LevelKind): Handler<SimRuntime> {
  return (req, rt) => {
    const resolved = resolveLevel(req, rt, kind);
    if (!resolved.ok) return resolved.reply;
    return jsonReply(200, effectiveSettings(rt.state.settings, resolved.level));
  };
}

export function patchTerminalSettings(kind: LevelKind): Handler<SimRuntime> {
  return (req, rt) => {
    const resolved = resolveLevel(req, rt, kind);
    if (!resolved.ok) return resolved.reply;
    let body: unknown;
    try {
      body = JSON.parse(req.rawBody);
    } catch {
      return restError(400, "Bad Request", "The request body is not valid JSON.");
    }
    const parsed = parseSettingsPatch(body);
    if (!parsed.ok) {
      return restError(422, "Invalid parameters", "The request body is not valid TerminalSettings.", {
        invalidFields: parsed.invalidFields,
      });
    }
    applySettingsPatch(rt.state.settings, resolved.level, parsed.patch);
    return jsonReply(200, effectiveSettings(rt.state.settings, resolved.level));
  };
}
