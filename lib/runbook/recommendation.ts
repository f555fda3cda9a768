// Which of Adyen's three outage fallbacks a store should use right now, computed from its facts. Pure: the caller
// gathers the facts (status verdict, terminals, Pay by Link, Tap to Pay) and renders the returned message keys in
// the user's language (messages: runbook.reco.*).

export type VerdictState = "operational" | "degraded" | "outage" | "maintenance" | "unknown";

export type StoreFacts = {
  /**
   * The status panel's verdict for the store; null when no verdict is available at all. `watching`: the store's
   * link was unstable and is back; its verdict stays degraded while the status panel watches it, but payments
   * through the POS work.
   */
  verdict: { state: VerdictState; since: string | null; reason: string; watching?: boolean } | null;
  /** A manager declared an outage that is still open. */
  outageDeclared: boolean;
  terminals: {
    /** Terminals assigned to the store (boarded or not). */
    total: number;
    /** Standalone on + printer + boarded. */
    ready: number;
    /** Printer and boarded, but standalone off: an admin can switch them on. */
    printerStandaloneOff: number;
  };
  /** works: a link was created recently; untested: none yet; failing: Adyen refused the last one; unconfigured: no merchant account. */
  payByLink: "works" | "untested" | "failing" | "unconfigured";
  tapToPay: { available: boolean; devices: number | null };
};

export type Fallback = "standalone" | "payByLink" | "tapToPay";
export type Message = { key: string; values: Record<string, string | number> };

export type Recommendation = {
  /**
   * act: payments through the cloud link fail (or an outage is declared); check: we cannot tell; watch: they work
   * again after an unstable spell; prepare: all fine.
   */
  situation: "act" | "check" | "watch" | "prepare";
  primary: Fallback | null;
  backup: Fallback | null;
  headline: Message;
  reason: Message;
  options: Record<Fallback, { usable: boolean; note: Message }>;
};

const msg = (key: string, values: Record<string, string | number> = {}): Message => ({ key, values });

function situationOf(f: StoreFacts): Recommendation["situation"] {
  if (f.outageDeclared) return "act";
  if (f.verdict?.watching) return "watch";
  switch (f.verdict?.state) {
    case "outage":
    case "degraded":
      return "act";
    case "operational":
      return "prepare";
    default:
      // maintenance, unknown or no verdict: the manager at the till knows more than we do.
      return "check";
  }
}

function standaloneNote(t: StoreFacts["terminals"]): Message {
  if (t.total === 0) return msg("standalone.noTerminals");
  if (t.ready === 0 && t.printerStandaloneOff > 0) return msg("standalone.noneOn", { off: t.printerStandaloneOff });
  if (t.ready === 0) return msg("standalone.noPrinter", { total: t.total });
  return msg("standalone.ready", { ready: t.ready, total: t.total });
}

function payByLinkNote(state: StoreFacts["payByLink"]): Message {
  return msg(`payByLink.${state}`);
}

function tapToPayNote(t: StoreFacts["tapToPay"]): Message {
  if (!t.available) return msg("tapToPay.notRecorded");
  return t.devices ? msg("tapToPay.devices", { devices: t.devices }) : msg("tapToPay.available");
}

function reasonFor(primary: Fallback | null, backup: Fallback | null, t: StoreFacts["terminals"]): Message {
  if (primary === null) return msg("reason.nothing", { off: t.printerStandaloneOff });
  if (primary === "standalone") {
    const rest = t.total - t.ready;
    if (rest === 0)
      return msg(backup ? `reason.standaloneAll.${backup}` : "reason.standaloneAll.none", { ready: t.ready });
    return msg(backup ? `reason.standaloneSome.${backup}` : "reason.standaloneSome.none", {
      ready: t.ready,
      total: t.total,
      rest,
    });
  }
  // No terminal is ready: say why, so the manager knows whether an admin could change that.
  const why = t.total === 0 ? "noTerminals" : t.printerStandaloneOff > 0 ? "standaloneOff" : "noPrinter";
  return msg(`reason.${primary}.${why}`, { off: t.printerStandaloneOff, total: t.total });
}

export function recommend(f: StoreFacts): Recommendation {
  const usable: Record<Fallback, boolean> = {
    standalone: f.terminals.ready > 0,
    payByLink: f.payByLink === "works" || f.payByLink === "untested",
    tapToPay: f.tapToPay.available,
  };
  // Effort decides the order: standalone is low effort; Pay by Link and Tap to Pay need more of the staff.
  const ranked = (["standalone", "payByLink", "tapToPay"] as const).filter((k) => usable[k]);
  const primary = ranked[0] ?? null;
  const backup = ranked[1] ?? null;
  const situation = situationOf(f);
  const headline =
    situation === "act"
      ? msg(primary ? `headline.act.${primary}` : "headline.act.nothing")
      : situation === "check"
        ? msg(f.verdict ? `headline.check.${f.verdict.state}` : "headline.check.noVerdict")
        : situation === "watch"
          ? msg("headline.watch")
          : msg("headline.prepare");
  return {
    situation,
    primary,
    backup,
    headline,
    reason: situation === "watch" ? msg("reason.watch") : reasonFor(primary, backup, f.terminals),
    options: {
      standalone: { usable: usable.standalone, note: standaloneNote(f.terminals) },
      payByLink: { usable: usable.payByLink, note: payByLinkNote(f.payByLink) },
      tapToPay: { usable: usable.tapToPay, note: tapToPayNote(f.tapToPay) },
    },
  };
}
