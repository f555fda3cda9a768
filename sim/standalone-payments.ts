// Payments taken on a terminal in standalone mode: no POS reference, a printed receipt, an AUTHORISATION webhook.
import { pickCard } from "./cards";
import { formatAmount } from "./money";
import type { CatalogStore, CatalogTerminal } from "./catalog";
import { isAssigned } from "./device/connectivity";
import { newAuthCode, newPspReference, newTenderReference } from "./ids";
import { effectiveSettings } from "./management/terminal-settings";
import { findTerminal, type SimRuntime } from "./runtime";
import { formatWithOffset, localParts } from "./time-format";
import { buildNotification, stringMap } from "./webhooks/notifications";

/**
 * What a standalone payment's webhook carries as merchant reference. Adyen does not document it: none, a reference
 * the terminal makes up, or the tender reference have all been seen, so the simulator can send each.
 */
export type StandaloneReference = "empty" | "terminal" | "tender";

export interface StandalonePaymentInput {
  readonly terminalId: string;
  readonly reference?: StandaloneReference;
  readonly amount: { readonly value: number; readonly currency: string };
  readonly at?: Date;
  readonly outcome?: "approved" | "declined";
  readonly cardBrand?: string;
  readonly lastFour?: string;
}

export interface StandalonePayment {
  readonly pspReference: string;
  readonly tenderReference: string;
  readonly merchantReference: string;
  readonly terminalId: string;
  readonly storeId: string;
  readonly amount: { readonly value: number; readonly currency: string };
  readonly at: Date;
  readonly success: boolean;
}

export type StandaloneResult =
  | { readonly ok: true; readonly receipt: Record<string, unknown> }
  | { readonly ok: false; readonly status: 404 | 409; readonly message: string };

function standaloneOf(rt: SimRuntime, terminal: CatalogTerminal): { enabled: boolean; currency: string | undefined } {
  const s = effectiveSettings(rt.state.settings, { kind: "terminal", terminal }).standalone;
  const obj = typeof s === "object" && s !== null ? (s as Record<string, unknown>) : {};
  return {
    enabled: obj["enableStandalone"] === true,
    currency: typeof obj["currencyCode"] === "string" ? obj["currencyCode"] : undefined,
  };
}

export function runStandalonePayment(rt: SimRuntime, input: StandalonePaymentInput): StandaloneResult {
  const terminal = findTerminal(rt, input.terminalId);
  if (!terminal) return { ok: false, status: 404, message: `Terminal ${input.terminalId} not found` };
  const store = rt.config.catalog.stores.find((s) => s.id === terminal.storeId);
  if (!store || !isAssigned(terminal))
    return { ok: false, status: 409, message: `Terminal ${terminal.id} is not boarded in a store` };
  const standalone = standaloneOf(rt, terminal);
  if (!standalone.enabled)
    return { ok: false, status: 409, message: `Standalone mode is not enabled on terminal ${terminal.id}` };
  if (standalone.currency && standalone.currency !== input.amount.currency) {
    return {
      ok: false,
      status: 409,
      message: `Terminal ${terminal.id} takes standalone payments in ${standalone.currency} only`,
    };
  }
  const at = input.at ?? rt.clock.now();
  const success = input.outcome !== "declined";
  const tenderReference = newTenderReference(at);
  const payment: StandalonePayment = {
    pspReference: newPspReference(),
    tenderReference,
    merchantReference: merchantReferenceOf(input.reference ?? "empty", terminal.id, tenderReference, at),
    terminalId: terminal.id,
    storeId: store.id,
    amount: input.amount,
    at,
    success,
  };
  rt.state.standalonePayments.push(payment);
  const card = pickCard(input.cardBrand, input.lastFour);
  const authCode = success ? newAuthCode() : undefined;
  rt.webhooks.enqueue(
    buildNotification(
      {
        // Standalone payments carry no POS order reference: that is what breaks automatic reconciliation.
        additionalData: stringMap({
          terminalId: terminal.id,
          tenderReference: payment.tenderReference,
          cardSummary: card.lastFour,
          cardBin: card.bin,
          expiryDate: card.expiry,
          authCode,
          paymentMethod: card.brand,
          paymentMethodVariant: card.brand,
          shopperInteraction: "POS",
          store: store.id,
        }),
        amount: payment.amount,
        eventCode: "AUTHORISATION",
        eventDate: formatWithOffset(at, store.timezone),
        merchantAccountCode: rt.config.merchantAccount,
        merchantReference: payment.merchantReference,
        pspReference: payment.pspReference,
        paymentMethod: card.brand,
        reason: success ? `${authCode}:${card.lastFour}:${card.expiry}` : "Refused",
        success: success ? "true" : "false",
      },
      rt.config.hmacKey,
    ),
  );
  return { ok: true, receipt: receiptOf(payment, store, card, authCode, rt.config.merchantAccount) };
}

// A terminal-made reference: the terminal's id and the second of the payment, unique on that terminal.
function merchantReferenceOf(style: StandaloneReference, terminalId: string, tender: string, at: Date): string {
  if (style === "tender") return tender;
  if (style === "terminal") return `${terminalId}-${Math.floor(at.getTime() / 1000)}`;
  return "";
}

function receiptOf(
  p: StandalonePayment,
  store: CatalogStore,
  card: ReturnType<typeof pickCard>,
  authCode: string | undefined,
  merchantAccount: string,
): Record<string, unknown> {
  const local = localParts(p.at, store.timezone);
  const maskedPan = `**** **** **** ${card.lastFour}`;
  const result = p.success ? "APPROVED" : "DECLINED";
  // Same name/value/key triples a terminal prints on its merchant copy.
  const lines = [
    { key: "merchantTitle", name: "MERCHANT COPY", value: "" },
    { key: "txdate", name: "Date", value: local.date },
    { key: "txtime", name: "Time", value: local.time },
    { key: "pan", name: "Card", value: maskedPan },
    { key: "cardType", name: "Card type", value: card.brand },
    { key: "tid", name: "TID", value: p.terminalId },
    ...(authCode ? [{ key: "authCode", name: "Auth. code", value: authCode }] : []),
    { key: "txRef", name: "Tender", value: p.tenderReference },
    { key: "totalAmount", name: "TOTAL", value: formatAmount(p.amount, `${store.language}-${store.country}`) },
    { key: "approved", name: result, value: "" },
  ];
  return {
    merchantAccount,
    storeId: store.id,
    storeReference: store.reference,
    terminalId: p.terminalId,
    pspReference: p.pspReference,
    tenderReference: p.tenderReference,
    merchantReference: p.merchantReference,
    amount: p.amount,
    timestamp: p.at.toISOString(),
    localDate: local.date,
    localTime: local.time,
    timeZone: store.timezone,
    cardBrand: card.brand,
    cardLabel: card.label,
    lastFour: card.lastFour,
    maskedPan,
    ...(authCode ? { authCode } : {}),
    entryMode: "Contactless",
    result,
    lines,
  };
}
