// The analysis service on a real database: what is stored, redaction on the stored rows, identity of files.
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { setEnvForTests } from "@/lib/env";
import { db } from "@/lib/db";
import { withTestDatabase } from "@/lib/testing/database";
import { closeIdempotencyPool } from "@/lib/idempotency/pg";
import { analyzeInProcess } from "@/lib/idempotency/analyze";
import { FINDING_CODES } from "@/lib/idempotency/codes";
import { harDocument, harEntry, inChunks } from "@/lib/idempotency/input/test-support";
import { listFindings, getChain, getAnalysis, listReadiness } from "@/lib/idempotency/queries";
import { loadTrend } from "@/lib/idempotency/trend";

withTestDatabase({ beforeDrop: closeIdempotencyPool });
beforeAll(() => setEnvForTests({ LOG_LEVEL: "silent" }));

const API_KEY = "AQEyhmfxLI3MaBFLw0m/n3Q5qf3VaY9UCJ14XWZE03G2cxC5SMCJHqaHOyQQwV1bDb7kfNy1WIxIIkxgBw==-secretvalue";
const PAN = "4111 1111 1111 1111";
const EMAIL = "shopper.jane@example.com";
const K1 = "0f8fad5b-d9cb-469f-a165-70867728950e";

function legacyHar(): string {
  const body = (n: number) =>
    JSON.stringify({
      merchantAccount: "ShopEU",
      reference: "ORDER-1",
      amount: { currency: "EUR", value: 1000 + n },
      shopperEmail: EMAIL,
      paymentMethod: {
        type: "scheme",
        number: PAN.replaceAll(" ", ""),
        cvc: "737",
        encryptedSecurityCode: "adyenjs_0_1_25$abc",
      },
    });
  const headers = (extra: { name: string; value: string }[]) => [
    { name: "X-API-Key", value: API_KEY },
    { name: "Authorization", value: `Basic ${Buffer.from("ws@Company.Shop:pw").toString("base64")}` },
    { name: "Cookie", value: "JSESSIONID=abc" },
    ...extra,
  ];
  return harDocument([
    harEntry({
      started: "2026-01-05T10:00:00Z",
      headers: headers([]),
      postData: { mimeType: "application/json", text: body(0) },
      status: 500,
      content: { mimeType: "application/json", text: `{"status":500,"message":"card ${PAN} refused for ${EMAIL}"}` },
    }),
    harEntry({
      started: "2026-01-05T10:00:01Z",
      headers: headers([{ name: "Pragma", value: "process-retry" }]),
      postData: { mimeType: "application/json", text: body(0) },
    }),
    harEntry({
      started: "2026-01-05T10:00:02Z",
      url: `https://checkout-test.adyen.com/v71/paymentLinks?shopperEmail=${EMAIL}`,
      headers: headers([{ name: "Idempotency-Key", value: K1 }]),
      postData: { mimeType: "application/json", text: body(1) },
    }),
  ]);
}

const input = (name: string, text: string | Buffer, chunk = 4096) => ({ name, bytes: inChunks(text, chunk) });

describe("analyzeInProcess", () => {
  it("stores an analysis whose summary has every code, and findings, chains and readiness behind it", async () => {
    const s = await analyzeInProcess("system", [input("session.har", legacyHar())], { kind: "cli" });
    expect(Object.keys(s.findings).sort()).toEqual([...FINDING_CODES].sort());
    expect(s).toMatchObject({ files: 1, entries: 3, adyenRequests: 3, complete: true, problems: [] });
    expect(s.findings.legacy_pragma_retry).toBe(1);
    expect(s.findings.missing_idempotency_key).toBe(2);
    expect(s.findings.retry_of_non_transient_error).toBe(1);
    expect(s.readiness.byEndpoint).toEqual([
      { endpoint: "Checkout /payments", requests: 2, ready: 0, verdict: "not ready" },
      { endpoint: "Checkout /paymentLinks", requests: 1, ready: 1, verdict: "ready" },
    ]);
    expect(s.readiness.overall).toBeCloseTo(1 / 3, 3);

    const page = await listFindings("system", { analysisId: s.id, code: "legacy_pragma_retry" });
    expect(page.items).toHaveLength(1);
    const chainNo = page.items[0]?.chainNo;
    expect(chainNo).not.toBeNull();
    const chain = await getChain("system", s.id, chainNo as number);
    expect(chain).toMatchObject({ endpoint: "Checkout /payments", reference: "ORDER-1", attemptCount: 2 });
    expect(chain.attempts.map((a) => a.status)).toEqual([500, 200]);
    // Page by page (one finding each), in the requests' time order, every finding exactly once.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const next = await listFindings("system", { analysisId: s.id, limit: 1, cursor });
      seen.push(...next.items.map((i) => `${i.at}|${i.code}`));
      cursor = next.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(Object.values(s.findings).reduce((a, b) => a + b, 0));
    const times = seen.map((x) => x.split("|")[0] ?? "");
    expect(times).toEqual([...times].sort());
    const readiness = await listReadiness("system", s.id);
    expect(readiness.find((r) => r.dimension === "merchantAccount" && r.value === "ShopEU")?.verdict).toBe("not ready");
  });

  it("redacts API keys, credentials, card numbers, CVCs, encrypted fields and emails before storing anything", async () => {
    const s = await analyzeInProcess("system", [input("secrets.har", legacyHar())], { kind: "cli" });
    const tables = [
      "idempotency_analyses",
      "idempotency_inputs",
      "idempotency_chains",
      "idempotency_findings",
      "idempotency_readiness",
      "idempotency_daily",
      "idempotency_key_spill",
      "audit_log",
    ];
    const dump = (
      await Promise.all(
        tables.map((t) => db().$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(x)::text AS row FROM ${t} x`)),
      )
    )
      .flat()
      .map((r) => r.row)
      .join("\n");
    expect(dump).toContain(s.id);
    expect(dump.length).toBeGreaterThan(1000);
    for (const secret of [
      API_KEY,
      "secretvalue",
      PAN,
      PAN.replaceAll(" ", ""),
      EMAIL,
      "737",
      "adyenjs_0_1_25$abc",
      "JSESSIONID",
      Buffer.from("ws@Company.Shop:pw").toString("base64"),
    ]) {
      expect(dump, secret).not.toContain(secret);
    }
    expect(dump).toContain("[redacted]");
  });

  it("keeps what was read from a cut-off file and says where reading stopped", async () => {
    const full = JSON.stringify({
      method: "POST",
      url: "https://checkout-test.adyen.com/v71/payments",
      requestBody: { merchantAccount: "M", reference: "R" },
      status: 200,
      time: "2026-01-05T10:00:00Z",
    });
    const s = await analyzeInProcess(
      "system",
      [input("ok.ndjson.gz", gzipSync(`${full}\n${full}\n`)), input("cut.ndjson", `${full}\n${full}\n{"method":"PO`)],
      { kind: "cli" },
    );
    expect(s.complete).toBe(false);
    expect(s.entries).toBe(4);
    expect(s.problems).toEqual([
      {
        file: "cut.ndjson",
        line: 3,
        code: "line_cut_off",
        params: { line: 3 },
        message: "cut.ndjson: line 3 is incomplete (the file is cut off)",
      },
    ]);
    const detail = await getAnalysis("system", s.id);
    expect(detail.status).toBe("incomplete");
    expect(detail.inputs.map((i) => [i.name, i.format, i.compressed, i.complete, i.stoppedAt])).toEqual([
      ["ok.ndjson.gz", "ndjson", true, true, null],
      ["cut.ndjson", "ndjson", false, false, "line 3"],
    ]);
  });

  it("counts the same file once in the trend however often it is analysed (gzip or not)", async () => {
    const line = (day: string, key: string | null) =>
      JSON.stringify({
        method: "POST",
        url: "https://checkout-test.adyen.com/v71/payments",
        time: `${day}T09:00:00Z`,
        requestHeaders: key ? { "Idempotency-Key": key } : {},
        requestBody: { merchantAccount: "T", reference: `${day}-${key}` },
        status: 200,
      });
    const text = [line("2019-03-01", null), line("2019-03-01", K1), line("2019-03-02", null)].join("\n");
    const count = (t: Awaited<ReturnType<typeof loadTrend>>) =>
      t.points.filter((p) => p.t.startsWith("2019-03")).reduce((a, p) => a + p.testRequests, 0);
    const first = await analyzeInProcess("system", [input("a.ndjson", text)], { kind: "cli" });
    const again = await analyzeInProcess("system", [input("a-copy.ndjson.gz", gzipSync(text))], { kind: "cli" });
    expect(count(await loadTrend("system"))).toBe(3);
    expect((await getAnalysis("system", again.id)).inputs[0]?.analysedBefore).toBe(first.id);
    const trend = await loadTrend("system");
    expect(trend.retirement).toEqual({ test: "2020-07-01", live: "2020-09-15" });
    // This file's other analyses reach into 2026, so the points are months: March 2019 has 2 of 3 legacy.
    expect(trend.granularity).toBe("month");
    expect(trend.points.find((p) => p.t === "2019-03-01")?.test).toBe(66.7);
  });

  it("stores text with tabs, line breaks, backslashes and quotes exactly as it came", async () => {
    const key = 'not\ta\\uuid\n"quoted"\r';
    const client = 'pos\t4.2 \\build\\ "x"\nnext';
    const line = (headers: Record<string, string>) =>
      JSON.stringify({
        time: "2026-01-05T10:00:00Z",
        method: "POST",
        url: "https://checkout-test.adyen.com/v71/payments",
        requestHeaders: { "User-Agent": client, ...headers },
        requestBody: { merchantAccount: "Shop\tEU", reference: "R\\1" },
        status: 200,
      });
    const text = `${line({ "Idempotency-Key": key })}\n${line({})}\n`;
    const s = await analyzeInProcess("system", [input("special.ndjson", text)], { kind: "cli" });
    expect(s.findings.key_not_uuid_v4).toBe(1);
    expect(s.findings.missing_idempotency_key).toBe(1);
    const rows = await db().$queryRaw<{ code: string; client: string; key: string | null; evidence: string }[]>`
      SELECT code, client, idempotency_key AS key, evidence::text AS evidence
      FROM idempotency_findings WHERE analysis_id = ${s.id}::uuid ORDER BY code`;
    expect(rows.map((r) => [r.code, r.client, r.key])).toEqual(
      expect.arrayContaining([
        ["key_not_uuid_v4", client, key],
        ["missing_idempotency_key", client, null],
      ]),
    );
    for (const r of rows) {
      const evidence = JSON.parse(r.evidence) as { headers: Record<string, string> }[];
      expect(evidence[0]?.headers["user-agent"]).toBe(client);
    }
  });

  it("stores names with a NUL character (which PostgreSQL's text cannot hold) without it", async () => {
    const client = "pos\u00004.2";
    const line = JSON.stringify({
      time: "2026-01-05T10:00:00Z",
      method: "POST",
      url: "https://checkout-test.adyen.com/v71/payments",
      requestHeaders: { "User-Agent": client },
      requestBody: { merchantAccount: "Shop\u0000EU", reference: "R1" },
      status: 200,
    });
    const s = await analyzeInProcess("system", [input("nul.ndjson", `${line}\n`)], { kind: "cli" });
    expect(s.findings.missing_idempotency_key).toBe(1);
    const rows = await db().idempotencyFinding.findMany({ where: { analysisId: s.id } });
    expect(rows.map((r) => [r.client, r.merchantAccount])).toEqual([["pos4.2", "ShopEU"]]);
    const readiness = await db().idempotencyReadiness.findMany({ where: { analysisId: s.id } });
    expect(readiness.map((r) => r.value)).toEqual(expect.arrayContaining(["pos4.2", "ShopEU"]));
    expect((rows[0]?.evidence as { headers: Record<string, string> }[])[0]?.headers["user-agent"]).toBe(client);
  });

  it("stores text with half a character (a lone surrogate) with U+FFFD in its place", async () => {
    // As a log would hold it: JSON escapes of one half of a surrogate pair, which JSON.parse keeps as they are.
    const text = [
      String.raw`{"time":"2026-01-05T10:00:00Z","method":"POST","url":"https://checkout-test.adyen.com/v71/payments?x=\ud800","requestHeaders":{"User-Agent":"pos\udc00/1","Idempotency-Key":"k\ud83d"},"requestBody":{"merchantAccount":"Shop\ud800EU","reference":"R1"},"status":200}`,
      String.raw`{"time":"2026-01-05T10:00:01Z","method":"POST","url":"https://shop.example/adyen/webhooks","requestHeaders":{},"requestBody":{"live":"false","notificationItems":[{"NotificationRequestItem":{"eventCode":"PROCESS_RETRY","merchantAccountCode":"Shop\udfffEU","merchantReference":"R\ud8001","pspReference":"8800000000000001","success":"true"}}]},"status":200}`,
    ].join("\n");
    const s = await analyzeInProcess("system", [input("halves.ndjson", text)], { kind: "cli" });
    expect(s.complete).toBe(true);
    expect(s.findings.key_not_uuid_v4).toBe(1);
    expect(s.findings.process_retry_webhook).toBe(1);
    const rows = await db().idempotencyFinding.findMany({ where: { analysisId: s.id }, orderBy: { code: "asc" } });
    const request = rows.find((r) => r.code === "key_not_uuid_v4");
    expect([request?.client, request?.merchantAccount, request?.idempotencyKey]).toEqual([
      "pos\ufffd/1",
      "Shop\ufffdEU",
      "k\ufffd",
    ]);
    const evidence = request?.evidence as { url: string; headers: Record<string, string> }[];
    // The URL is kept as URL parsing writes it: the replacement character percent-encoded.
    expect(evidence[0]?.url).toContain("?x=%EF%BF%BD");
    expect(evidence[0]?.headers["idempotency-key"]).toBe("k\ufffd");
    const webhook = rows.find((r) => r.code === "process_retry_webhook");
    expect(JSON.stringify(webhook?.detail)).toContain("R\ufffd1");
  });

  it("tells keys apart in the database that differ only by what PostgreSQL cannot store", async () => {
    // "a<NUL>b" and "ab" (and two halves of different characters) are different keys; pushed out of memory
    // together (more than 500 lines apart, when writes happen), neither may overwrite the other, and both must be
    // found again.
    const DAY = 24 * 60 * 60 * 1000;
    const t0 = Date.UTC(2026, 0, 5);
    const keys = ["a\u0000b", "ab", "x\ud800", "x\ud801"];
    let n = 0;
    const line = (k: string, at: number) =>
      `${JSON.stringify({
        time: new Date(at).toISOString(),
        method: "POST",
        url: "https://checkout-test.adyen.com/v71/payments",
        requestHeaders: { "Idempotency-Key": k },
        requestBody: { merchantAccount: "ShopEU", reference: `R${++n}` },
        status: 200,
      })}\n`;
    const filler = Array.from({ length: 1_200 }, (_, i) =>
      line(`00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, t0 + DAY + i),
    ).join("");
    const text = keys.map((k) => line(k, t0)).join("") + filler + keys.map((k) => line(k, t0 + 8 * DAY)).join("");
    const s = await analyzeInProcess("system", [input("odd-keys.ndjson", text)], { kind: "cli", keyCap: 20 });
    expect(s.complete).toBe(true);
    expect(s.findings.retry_after_key_expiry).toBe(4);
    expect(s.findings.key_not_uuid_v4).toBe(4);
  });

  it("keeps requests whose time no date can hold, without a time, in HAR and NDJSON alike", async () => {
    const ndjson = JSON.stringify({ time: 1e308, method: "POST", url: "https://checkout-test.adyen.com/v71/payments" });
    const har = harDocument([
      harEntry({ started: "-271821-04-20T00:00:00Z", postData: { mimeType: "application/json", text: "{}" } }),
    ]);
    const s = await analyzeInProcess("system", [input("far.ndjson", ndjson), input("far.har", har)], { kind: "cli" });
    expect(s).toMatchObject({ complete: true, entries: 2, adyenRequests: 2 });
    expect(s.findings.missing_idempotency_key).toBe(2);
    const rows = await db().idempotencyFinding.findMany({ where: { analysisId: s.id } });
    expect(rows.map((r) => r.at)).toEqual([null, null]);
  });

  it("brings a key pushed out of memory back from the database, more than once", async () => {
    const DAY = 24 * 60 * 60 * 1000;
    const t0 = Date.UTC(2026, 0, 5);
    const key = "9d3c8f2e-6b1a-4c7d-8e5f-0a1b2c3d4e5f";
    let n = 0;
    const line = (k: string, at: number, value = 1000) =>
      `${JSON.stringify({
        time: new Date(at).toISOString(),
        method: "POST",
        url: "https://checkout-test.adyen.com/v71/payments",
        requestHeaders: { "Idempotency-Key": k },
        requestBody: { merchantAccount: "ShopEU", reference: `R${++n}`, amount: { currency: "EUR", value } },
        status: 200,
      })}\n`;
    const filler = (from: number, at: number) =>
      Array.from({ length: 500 }, (_, i) =>
        line(`00000000-0000-4000-8000-${String(from + i).padStart(12, "0")}`, at + i),
      ).join("");
    const text =
      line(key, t0) +
      filler(0, t0 + DAY) +
      line(key, t0 + 8 * DAY, 2000) +
      filler(500, t0 + 8 * DAY + 1) +
      line(key, t0 + 9 * DAY, 3000);
    const s = await analyzeInProcess("system", [input("spill.ndjson", text)], { kind: "cli", keyCap: 50 });
    // Both later uses found the key's state: more than 7 days after its first use, with other bodies.
    expect(s.findings.retry_after_key_expiry).toBe(2);
    expect(s.findings.key_reused_different_body).toBe(1);
    expect(s.findings.key_not_uuid_v4).toBe(0);
    expect(await db().idempotencyKeySpill.count({ where: { analysisId: s.id } })).toBe(0);
  });

  it("leaves nothing behind when the input fails half-way, after batches of findings were written", async () => {
    const line = (n: number) =>
      JSON.stringify({
        // An hour apart: each request is a chain of its own, closed and written while the file is read.
        time: new Date(Date.UTC(2026, 0, 5, n)).toISOString(),
        method: "POST",
        url: "https://checkout-test.adyen.com/v71/payments",
        requestHeaders: { "User-Agent": "pos/1" },
        requestBody: { merchantAccount: "ShopEU", reference: `R${n}` },
        status: 200,
      });
    const lines = Array.from({ length: 3000 }, (_, n) => `${line(n)}\n`).join("");
    async function* failing() {
      yield* inChunks(lines, 64 * 1024);
      throw new Error("the disk went away");
    }
    const counts = () => db().$queryRaw<{ analyses: number; findings: number; chains: number; spill: number }[]>`
      SELECT (SELECT count(*)::int FROM idempotency_analyses) AS analyses,
             (SELECT count(*)::int FROM idempotency_findings) AS findings,
             (SELECT count(*)::int FROM idempotency_chains) AS chains,
             (SELECT count(*)::int FROM idempotency_key_spill) AS spill`;
    const before = await counts();
    await expect(
      analyzeInProcess("system", [{ name: "broken.ndjson", bytes: failing() }], { kind: "cli" }),
    ).rejects.toThrow("the disk went away");
    expect(await counts()).toEqual(before);
  });

  it("refuses callers without idempotency.analyze", async () => {
    const finance = { kind: "user" as const, id: "u", label: "f", role: "finance" as const, storeIds: "all" as const };
    await expect(analyzeInProcess(finance, [], { kind: "upload" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
