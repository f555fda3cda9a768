// Terminal API over the cloud (/sync): Diagnosis answered by the terminal, or the cloud's error when it is cut off.
import { restError, serviceError } from "../errors";
import { jsonReply, type Reply } from "../http/reply";
import type { RequestContext } from "../http/router";
import { findTerminal, type SimRuntime } from "../runtime";
import { hasBuiltInPrinter } from "../catalog";
import { checkMerchant } from "./device-routes";
import { isAssigned, outageFor, type OutageMode } from "./connectivity";

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function parseSaleToPoiRequest(raw: string): { header: Json; category: string; request: Json } | null {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return null;
  }
  const envelope = isObject(body) ? body["SaleToPOIRequest"] : undefined;
  if (!isObject(envelope) || !isObject(envelope["MessageHeader"])) return null;
  const header = envelope["MessageHeader"];
  const category = header["MessageCategory"];
  if (typeof category !== "string" || typeof header["POIID"] !== "string") return null;
  const request = envelope[`${category}Request`];
  return { header, category, request: isObject(request) ? request : {} };
}

function responseHeader(header: Json): Json {
  return { ...header, MessageType: "Response" };
}

function cloudError(header: Json, category: string, mode: OutageMode, rawRequest: string, now: Date): Json {
  if (mode === "reject") {
    return {
      SaleToPOIRequest: {
        EventNotification: {
          EventToNotify: "Reject",
          EventDetails: "message=Did+not+receive+a+response+from+the+POI.",
          RejectedMessage: Buffer.from(rawRequest).toString("base64"),
          TimeStamp: now.toISOString(),
        },
        MessageHeader: { ...header, MessageCategory: "Event", MessageClass: "Event", MessageType: "Notification" },
      },
    };
  }
  const failure: Json = {
    Response: {
      Result: "Failure",
      ErrorCondition: "UnreachableHost",
      AdditionalResponse: "message=Terminal+is+not+reachable",
    },
  };
  if (category === "Diagnosis") failure["POIStatus"] = { GlobalStatus: "Unreachable" };
  return { SaleToPOIResponse: { MessageHeader: responseHeader(header), [`${category}Response`]: failure } };
}

function terminalAnswer(header: Json, category: string, model: string): Json {
  if (category !== "Diagnosis") {
    const failure = {
      Response: {
        Result: "Failure",
        ErrorCondition: "NotAllowed",
        AdditionalResponse: "message=Not+supported+by+the+simulator",
      },
    };
    return { SaleToPOIResponse: { MessageHeader: responseHeader(header), [`${category}Response`]: failure } };
  }
  const poiStatus: Json = { GlobalStatus: "OK", CommunicationOKFlag: true };
  if (hasBuiltInPrinter(model)) poiStatus["PrinterStatus"] = "PrinterOK";
  return {
    SaleToPOIResponse: {
      MessageHeader: responseHeader(header),
      DiagnosisResponse: { Response: { Result: "Success" }, POIStatus: poiStatus },
    },
  };
}

function answerSync(
  req: RequestContext,
  rt: SimRuntime,
  style: "service" | "rest",
  pathDeviceId: string | null,
): Reply {
  const parsed = parseSaleToPoiRequest(req.rawBody);
  if (!parsed) {
    const detail = "Body must be a SaleToPOIRequest with MessageHeader.MessageCategory and MessageHeader.POIID";
    return style === "service"
      ? serviceError(400, "702", `Unexpected input: ${detail}`, "validation")
      : restError(400, "Bad Request", detail);
  }
  const poiId = String(parsed.header["POIID"]);
  if (pathDeviceId !== null && pathDeviceId !== poiId) {
    return restError(422, "Invalid parameters", "deviceId in the path must equal MessageHeader.POIID");
  }
  const terminal = findTerminal(rt, poiId);
  const cutOff = (mode: OutageMode) =>
    jsonReply(200, cloudError(parsed.header, parsed.category, mode, req.rawBody, rt.clock.now()));
  // Unknown or unboarded terminals never connect, so the cloud cannot reach them either.
  if (!terminal || !isAssigned(terminal)) return cutOff("unreachable");
  const outage = outageFor(rt.state.outages, terminal, rt.clock.now());
  if (outage) return cutOff(outage.mode);
  return jsonReply(200, terminalAnswer(parsed.header, parsed.category, terminal.model));
}

/** Classic Terminal API cloud endpoint: POST /sync. */
export function handleClassicSync(req: RequestContext, rt: SimRuntime): Reply {
  return answerSync(req, rt, "service", null);
}

/** Cloud device API: POST /v1/merchants/{merchantAccount}/devices/{deviceId}/sync. */
export function handleDeviceSync(req: RequestContext, rt: SimRuntime): Reply {
  return checkMerchant(req, rt) ?? answerSync(req, rt, "rest", req.params["deviceId"] ?? "");
}
