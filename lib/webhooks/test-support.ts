// Test support for webhook tests: signed notification bodies and Adyen's published fixtures.
import { readdirSync } from "node:fs";
import path from "node:path";
import { computeHmacSignature } from "@/lib/adyen/hmac";
import { fixture } from "@/lib/adyen/test-support";
import type { WebhookSettings } from "@/lib/webhooks/receive";

export const KEY_A = "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF";
export const KEY_B = "FFEEDDCCBBAA99887766554433221100FFEEDDCCBBAA99887766554433221100";
// Published keys: Adyen's php library tools/hmac/README.md, and the .NET library's HMAC test (see lib/adyen/hmac.test.ts).
export const TOOLS_README_KEY = "11223344D785FBAE710E7F943F307971BB61B21281C98C9129B3D4018A57B2EB";
export const DOTNET_TEST_KEY = "66B61474A0AA3736BA8789EDC6D6CD9EBA0C4F414A554E32A407F849C045C69D";

export const SETTINGS: WebhookSettings = { hmacKeys: [KEY_A], basicAuth: null };

type Item = Record<string, unknown>;
type Envelope = { live?: unknown; notificationItems: { NotificationRequestItem: Item }[] };

let seq = 0;
/** A realistic AUTHORISATION item with a fresh pspReference; fields can be overridden. */
export function paymentItem(overrides: Item = {}): Item {
  seq++;
  return {
    additionalData: { authCode: "1234", cardSummary: "1111" },
    amount: { currency: "EUR", value: 1250 },
    eventCode: "AUTHORISATION",
    eventDate: "2026-03-14T10:21:03+01:00",
    merchantAccountCode: "TestMerchant",
    merchantReference: `ORDER-${seq}`,
    pspReference: `TST${String(Date.now() % 1e7).padStart(7, "0")}${String(seq).padStart(6, "0")}`,
    success: "true",
    ...overrides,
  };
}

/** Adds `additionalData.hmacSignature` made with the key. */
export function sign(item: Item, key = KEY_A): Item {
  const additionalData = (item["additionalData"] as Item | undefined) ?? {};
  return { ...item, additionalData: { ...additionalData, hmacSignature: computeHmacSignature(item, key) } };
}

export function body(items: Item[], live: unknown = "false"): string {
  return JSON.stringify({ live, notificationItems: items.map((i) => ({ NotificationRequestItem: i })) });
}

export function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
}

/** Every notification fixture as [name, envelope]; the OpenAPI file holds several examples. */
export function notificationFixtures(): [string, Envelope][] {
  const dir = path.resolve(import.meta.dirname, "../../test-fixtures/adyen/notifications");
  const out: [string, Envelope][] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const json = fixture(`notifications/${file}`) as Record<string, unknown>;
    if ("notificationItems" in json) out.push([file, json as Envelope]);
    else
      for (const [name, example] of Object.entries(json))
        if (!name.startsWith("_")) out.push([`${file}#${name}`, example as Envelope]);
  }
  return out;
}

export function fixtureEnvelope(file: string): Envelope {
  const found = notificationFixtures().find(([name]) => name === file);
  if (!found) throw new Error(`no fixture ${file}`);
  return found[1];
}
