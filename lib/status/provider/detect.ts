// Tells the format of a status document by its content, never by its URL: Adyen's site answers every unknown
// path (summary.json and history.atom included) with the same HTML page and HTTP 200.
import { DOMParser, type Document } from "@xmldom/xmldom";
import { asObject } from "./types";

export type Detected =
  | { kind: "adyen-incidents"; json: Record<string, unknown> }
  | { kind: "adyen-maintenance"; json: Record<string, unknown> }
  | { kind: "statuspage"; json: Record<string, unknown> }
  | { kind: "rss" | "atom"; xml: Document }
  | { kind: "html" }
  | { kind: "unrecognised"; what: string };

function collection(json: Record<string, unknown>, key: string): boolean {
  return Array.isArray(asObject(json[key])?.["items"]);
}

function parseXml(text: string): Document | null {
  let failed = false;
  try {
    const doc = new DOMParser({
      onError: (level) => {
        if (level !== "warning") failed = true;
      },
    }).parseFromString(text, "text/xml");
    return failed ? null : doc;
  } catch {
    return null;
  }
}

export function detectFormat(body: string): Detected {
  const text = body.replace(/^\uFEFF/, "").trim();
  if (text === "") return { kind: "unrecognised", what: "an empty answer" };
  if (text.startsWith("{") || text.startsWith("[")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { kind: "unrecognised", what: "malformed JSON" };
    }
    const json = asObject(parsed);
    if (!json) return { kind: "unrecognised", what: "JSON that is not an object" };
    if (collection(json, "incidentMessageCollection")) return { kind: "adyen-incidents", json };
    if (collection(json, "maintenanceMessageCollection")) return { kind: "adyen-maintenance", json };
    if (asObject(json["status"]) && typeof asObject(json["status"])?.["indicator"] === "string")
      return { kind: "statuspage", json };
    return { kind: "unrecognised", what: "JSON in no known status format" };
  }
  if (
    /^<!doctype html|^<html[\s>]/i.test(text) ||
    (/<html[\s>]/i.test(text.slice(0, 2000)) && !text.startsWith("<?xml"))
  )
    return { kind: "html" };
  if (text.startsWith("<")) {
    const xml = parseXml(text);
    const root = xml?.documentElement?.localName;
    if (xml && (root === "rss" || root === "RDF")) return { kind: "rss", xml };
    if (xml && root === "feed") return { kind: "atom", xml };
    if (/<body[\s>]|<div[\s>]|<script[\s>]/i.test(text)) return { kind: "html" };
    return { kind: "unrecognised", what: xml ? `XML with root <${root ?? "?"}>` : "malformed XML" };
  }
  return { kind: "unrecognised", what: "neither JSON, XML nor HTML" };
}
