// Secrets in terminal settings never reach adyen_exchanges: the list of secret fields is the one Adyen's Management
// API schema implies, and the recorder drops every such value of Adyen's own published terminal settings, whether
// they travel in a PATCH, in its answer, or through the real client against the simulator.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { reportAdyenExchange } from "@/lib/adyen/exchange-observer";
import { updateTerminalSettings, type TerminalSettings } from "@/lib/adyen/management";
import {
  NOT_SECRET_FIELD_NAMES,
  SECRET_FIELD_NAMES,
  SECRET_VALUE,
  redactSecretFields,
} from "@/lib/adyen/secret-fields";
import { fixture } from "@/lib/adyen/test-support";
import { db } from "@/lib/db";
import { setEnvForTests } from "@/lib/env";
import {
  flushAdyenExchangeRecording,
  startAdyenExchangeRecording,
  stopAdyenExchangeRecording,
} from "@/lib/idempotency/recorder";
import { adyenFor } from "@/lib/runbook/test-support";
import { withTestDatabase } from "@/lib/testing/database";
import { readSpec } from "@/sim/test-support/contracts";
import { startTestSim, TEST_API_KEY, type TestSim } from "@/sim/test-support/sim-harness";

withTestDatabase();
/** A terminal of the simulator's demo catalog. */
const TERMINAL = "V400m-346403294";

type Node = Record<string, unknown>;
const SECRET_WORDS = new Set(["password", "passphrase", "pwd", "pin", "psk", "secret", "key"]);
const words = (name: string) => name.split(/(?=[A-Z])/).map((w) => w.toLowerCase());

/** Every property name in the schema that sounds like a secret, with the schemas it appears in. */
function secretSoundingProperties(node: unknown, out = new Map<string, Node>()): Map<string, Node> {
  if (Array.isArray(node)) node.forEach((n) => secretSoundingProperties(n, out));
  else if (node && typeof node === "object") {
    const props = (node as Node)["properties"];
    if (props && typeof props === "object")
      for (const [name, schema] of Object.entries(props as Node))
        if (words(name).some((w) => SECRET_WORDS.has(w))) out.set(name, schema as Node);
    for (const v of Object.values(node)) secretSoundingProperties(v, out);
  }
  return out;
}

/** Every value under a secret field of a document, with where it was. */
function secretsIn(value: unknown, path = "$", out: { path: string; value: unknown }[] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => secretsIn(v, `${path}[${i}]`, out));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      if ((SECRET_FIELD_NAMES as readonly string[]).includes(k)) out.push({ path: `${path}.${k}`, value: v });
      else secretsIn(v, `${path}.${k}`, out);
    }
  return out;
}

/** The document with its secret fields left out altogether. */
function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !(SECRET_FIELD_NAMES as readonly string[]).includes(k))
      .map(([k, v]) => [k, withoutSecrets(v)]),
  );
}

function at(doc: unknown, path: string): unknown {
  return path
    .slice(2)
    .split(/\.|(?=\[)/)
    .reduce<unknown>((n, part) => {
      const index = /^\[(\d+)\]$/.exec(part);
      return index ? (n as unknown[])[Number(index[1])] : (n as Node)[part];
    }, doc);
}

const examples = fixture("terminal-settings/openapi-management-v3-examples.json") as Record<string, unknown>;
const SETTINGS_DOCS: [string, unknown][] = [
  ...Object.entries(examples).filter(([k]) => !k.startsWith("_")),
  ["java-terminal-settings", fixture("terminal-settings/java-terminal-settings.json")],
];

describe("the secret fields of the Management API", () => {
  it("are exactly the properties of its schema named like a password, passphrase, PIN, key, secret or PSK", () => {
    const found = secretSoundingProperties(readSpec("ManagementService-v3"));
    const links = [...found].filter(([, s]) => s["$ref"] === "#/components/schemas/LinksElement").map(([n]) => n);
    expect(links.sort()).toEqual([...NOT_SECRET_FIELD_NAMES].sort());
    expect([...found.keys()].filter((n) => !links.includes(n)).sort()).toEqual([...SECRET_FIELD_NAMES].sort());
  });

  it.each(SETTINGS_DOCS)("are all dropped from %s, and nothing else is", (_name, doc) => {
    const secrets = secretsIn(doc);
    const redacted = JSON.parse(redactSecretFields(JSON.stringify(doc)) ?? "null") as unknown;
    for (const s of secrets) expect(at(redacted, s.path), s.path).toBe(SECRET_VALUE);
    expect(withoutSecrets(redacted)).toEqual(withoutSecrets(doc));
  });

  it("keep a body without secret fields as it was, and drop a body that names one but is not JSON", () => {
    const plain = JSON.stringify({ standalone: { enableStandalone: true, currencyCode: "EUR" } });
    expect(redactSecretFields(plain)).toBe(plain);
    expect(redactSecretFields('{"passcodes": {"refundPin": "1234"')).toBe(SECRET_VALUE);
    expect(redactSecretFields(undefined)).toBeUndefined();
  });
});

describe("the dashboard's recorded Adyen calls", () => {
  let sim: TestSim;
  beforeAll(async () => {
    sim = await startTestSim();
    setEnvForTests({ LOG_LEVEL: "silent", ADYEN_API_BASE_URL: sim.sim.url });
    startAdyenExchangeRecording();
  });
  afterAll(async () => {
    stopAdyenExchangeRecording();
    await sim.close();
  });
  beforeEach(async () => {
    await db().adyenExchange.deleteMany();
  });

  const stored = async () => {
    await flushAdyenExchangeRecording();
    const rows = await db().adyenExchange.findMany({ orderBy: { id: "asc" } });
    return rows.map((r) => ({ request: r.requestBody, response: r.responseBody }));
  };
  const secretTexts = (doc: unknown) =>
    secretsIn(doc)
      .map((s) => (typeof s.value === "string" ? s.value : JSON.stringify(s.value)))
      .filter((v) => v.length >= 6);

  it("keep none of the secrets of Adyen's terminal settings, sent or answered", async () => {
    const docs = SETTINGS_DOCS.map(([, doc]) => doc);
    for (const doc of docs)
      reportAdyenExchange({
        startedAt: Date.now(),
        method: "PATCH",
        url: `${sim.sim.url}/v3/terminals/${TERMINAL}/terminalSettings`,
        requestHeaders: new Headers({ "idempotency-key": randomUUID(), "x-api-key": TEST_API_KEY }),
        requestBody: JSON.stringify(doc),
        status: 200,
        responseHeaders: new Headers({ "content-type": "application/json" }),
        responseBody: JSON.stringify(doc),
        durationMs: 120,
      });
    const rows = await stored();
    expect(rows).toHaveLength(docs.length);
    rows.forEach((row, i) => {
      const doc = docs[i];
      for (const text of [row.request, row.response]) {
        const kept = JSON.parse(text ?? "null") as unknown;
        for (const s of secretsIn(doc)) expect(at(kept, s.path), s.path).toBe(SECRET_VALUE);
        for (const secret of secretTexts(doc)) expect(text).not.toContain(secret);
      }
    });
  });

  it("keep none of them when the client itself sends Wi-Fi credentials to the simulator", async () => {
    const adyen = adyenFor(sim);
    const settings = examples["patch-terminals-terminalId-terminalSettings-add-eap-peap-and-psk-wifi-profiles"];
    const terminalId = TERMINAL;
    const answer = await updateTerminalSettings(
      adyen,
      { level: "terminal", terminalId },
      settings as TerminalSettings,
      { idempotencyKey: randomUUID() },
    );
    const secrets = [...secretTexts(settings), ...secretTexts(answer)];
    expect(secrets.length).toBeGreaterThan(0);
    const [row] = await stored();
    expect(row?.request).toContain(SECRET_VALUE);
    expect(row?.response).toContain(SECRET_VALUE);
    for (const secret of secrets) expect(JSON.stringify(row)).not.toContain(secret);
  });
});
