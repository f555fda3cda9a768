// Synthetic Terminal API probe: a DiagnosisRequest through the cloud /sync endpoint, and how to read the answer.
import { randomBytes } from "node:crypto";
import type { Types } from "@adyen/api-library";
import { adyenLibrary } from "@/lib/adyen/library";
import type { Adyen } from "@/lib/adyen/client";

export type TerminalApiRequest = Types.terminal.TerminalApiRequest;
export type TerminalApiResponse = Types.terminal.TerminalApiResponse;

export type DiagnosisProbeInput = {
  /** The terminal, e.g. "V400m-324688179" (POIID). */
  poiId: string;
  /** Identifies this app as the sale system towards the terminal. */
  saleId: string;
  /** At most 10 characters, unique per request; generated when omitted. */
  serviceId?: string;
};

export type DiagnosisState = "OK" | "Busy" | "Maintenance" | "Unreachable" | "unknown";
export type DiagnosisOutcome = { state: DiagnosisState; detail?: string };

export function buildDiagnosisRequest(input: DiagnosisProbeInput): TerminalApiRequest {
  const terminal = adyenLibrary.Types.terminal;
  return {
    SaleToPOIRequest: {
      MessageHeader: {
        ProtocolVersion: "3.0",
        MessageClass: terminal.MessageClassType.Service,
        MessageCategory: terminal.MessageCategoryType.Diagnosis,
        MessageType: terminal.MessageType.Request,
        SaleID: input.saleId,
        ServiceID: input.serviceId ?? randomBytes(5).toString("hex"),
        POIID: input.poiId,
      },
      // Only the terminal itself is asked; a host diagnosis would also test Adyen's acquirer links.
      DiagnosisRequest: { HostDiagnosisFlag: false },
    },
  };
}

function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!current || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const GLOBAL_STATES: ReadonlySet<string> = new Set(["OK", "Busy", "Maintenance", "Unreachable"]);

/**
 * Reads a /sync answer without trusting its shape. When the terminal does not answer, Adyen sends
 * an EventNotification with EventToNotify "Reject" (inside a SaleToPOIRequest) or a Response with
 * ErrorCondition "UnreachableHost": both mean the terminal is unreachable through the cloud.
 */
export function readDiagnosisOutcome(response: unknown): DiagnosisOutcome {
  const event = at(response, "SaleToPOIRequest", "EventNotification");
  if (at(event, "EventToNotify") === "Reject") {
    const details = at(event, "EventDetails");
    return { state: "Unreachable", detail: typeof details === "string" ? details : "EventNotification Reject" };
  }
  const body = at(response, "SaleToPOIResponse");
  const diagnosis = at(body, "DiagnosisResponse");
  const result = at(diagnosis, "Response");
  if (at(result, "ErrorCondition") === "UnreachableHost")
    return { state: "Unreachable", detail: "ErrorCondition UnreachableHost" };
  // Other responses (e.g. a PaymentResponse) may carry the same error condition.
  for (const value of Object.values(body && typeof body === "object" ? body : {})) {
    if (at(value, "Response", "ErrorCondition") === "UnreachableHost")
      return { state: "Unreachable", detail: "ErrorCondition UnreachableHost" };
  }
  const status = at(diagnosis, "POIStatus", "GlobalStatus");
  if (typeof status === "string" && GLOBAL_STATES.has(status)) return { state: status as DiagnosisState };
  const condition = at(result, "ErrorCondition");
  return {
    state: "unknown",
    detail: typeof condition === "string" ? `ErrorCondition ${condition}` : "no POIStatus in the answer",
  };
}

/** Sends the probe; network errors, timeouts and HTTP errors surface as AdyenApiError from the transport. */
export async function runDiagnosisProbe(
  adyen: Adyen,
  input: DiagnosisProbeInput,
): Promise<{ outcome: DiagnosisOutcome; response: TerminalApiResponse }> {
  const response = await adyen.terminalCloud.sync(buildDiagnosisRequest(input));
  return { outcome: readDiagnosisOutcome(response), response };
}
