// The idempotency migration checker end to end: an engineer uploads a HAR with legacy retries and watches it
// upload, reads the findings and readiness, opens a retry chain on its timeline; the self-test runs against the
// simulator; the public API takes a gzip-compressed NDJSON log and answers with the same summary.
import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { E2E_BASE_URL } from "./config";
import { signIn } from "./helpers";
import { createToken } from "./support";

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const CHECKOUT = "https://checkout-test.adyen.com/v71/payments";

function entry(at: string, headers: Record<string, string>, body: unknown, status: number, responseText = "{}") {
  return {
    startedDateTime: at,
    time: 180,
    _resourceType: "fetch",
    request: {
      method: "POST",
      url: CHECKOUT,
      httpVersion: "HTTP/1.1",
      headers: Object.entries(headers).map(([name, value]) => ({ name, value })),
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: -1,
      postData: { mimeType: "application/json", text: JSON.stringify(body) },
    },
    response: {
      status,
      statusText: "",
      httpVersion: "HTTP/1.1",
      headers: [],
      cookies: [],
      content: { size: responseText.length, mimeType: "application/json", text: responseText },
      redirectURL: "",
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait: 170, receive: 10, ssl: -1 },
  };
}

/** A POS that still retries the legacy way, plus page traffic to give the upload some weight. */
function legacyHar(reference: string): Buffer {
  const order = { merchantAccount: "DemoMerchantPOS", reference, amount: { currency: "EUR", value: 1299 } };
  const ua = { "User-Agent": "LegacyPOS/1.9", "X-API-Key": "AQE-e2e-not-a-real-key" };
  const entries = [
    entry("2026-01-05T10:00:00.000Z", ua, order, 500, '{"status":500,"errorCode":"905","message":"error"}'),
    entry("2026-01-05T10:00:02.000Z", { ...ua, Pragma: "process-retry" }, order, 200, '{"resultCode":"Authorised"}'),
    entry(
      "2026-01-05T10:01:00.000Z",
      { "Idempotency-Key": "6f1f7c2e-4b1a-4c55-9a51-3b1e8f0c2d41" },
      { ...order, reference: `${reference}-NEW` },
      200,
    ),
  ];
  const filler = Array.from({ length: 400 }, (_, i) => ({
    ...entry("2026-01-05T10:02:00.000Z", {}, {}, 200, "x".repeat(8_000)),
    request: {
      method: "GET",
      url: `https://shop.example/assets/${i}.js`,
      httpVersion: "HTTP/1.1",
      headers: [],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
  }));
  return Buffer.from(
    JSON.stringify(
      { log: { version: "1.2", creator: { name: "e2e", version: "1" }, entries: [...entries, ...filler] } },
      null,
      2,
    ),
  );
}

test("an engineer uploads a HAR, sees findings and readiness, and opens a retry chain", async ({ page }) => {
  const reference = unique("POS");
  const source = unique("e2e legacy POS");
  await signIn(page, "engineering");
  await page.goto("/idempotency");
  await page
    .getByLabel("HAR or NDJSON files")
    .setInputFiles({ name: "legacy-pos.har", mimeType: "application/json", buffer: legacyHar(reference) });
  await page.getByLabel("Where the traffic comes from (optional)").fill(source);
  await page.getByRole("button", { name: "Upload and analyse" }).click();

  const progress = page.getByRole("progressbar", { name: "Upload progress" });
  await expect(progress).toBeVisible();
  await expect(page.getByText("Uploaded and analysed.")).toBeVisible({ timeout: 30_000 });
  await expect(progress).toHaveAttribute("value", "100");
  await expect(page.getByText(/403 entries, 3 Adyen requests/)).toBeVisible();

  await page.getByRole("link", { name: "Show this analysis" }).click();
  await expect(page.getByRole("heading", { name: new RegExp(`Analysis of .*${source}`) })).toBeVisible();

  const readiness = page.getByRole("region", { name: "Readiness", exact: true });
  const payments = readiness.getByRole("row").filter({ hasText: "Checkout /payments" });
  await expect(payments).toContainText("not ready");
  await expect(payments).toContainText("Legacy Pragma retry (1)");

  const findings = page.getByRole("region", { name: "Findings", exact: true });
  await findings.getByLabel("Finding", { exact: true }).selectOption({ label: "Legacy Pragma retry" });
  await findings.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/code=legacy_pragma_retry/);
  const rows = page.getByRole("region", { name: "Findings", exact: true }).getByRole("row");
  await expect(rows).toHaveCount(2);
  await rows
    .nth(1)
    .getByRole("link", { name: /Open chain \d+/ })
    .click();

  const chain = page.getByRole("region", { name: /Chain \d+/ });
  await expect(chain).toBeVisible();
  const attempts = chain.getByRole("list", { name: "Attempts in time order" }).locator(":scope > li");
  await expect(attempts).toHaveCount(2);
  await expect(attempts.nth(0)).toContainText("HTTP 500");
  await expect(attempts.nth(1)).toContainText("pragma: process-retry");
  await expect(attempts.nth(1)).toContainText("+2 s");
  await expect(chain).toContainText(reference);
  // The API key sent with the requests was redacted before it was stored.
  await expect(chain).toContainText("x-api-key: [redacted]");
  await expect(page.getByText("AQE-e2e-not-a-real-key")).toHaveCount(0);
});

test("the self-test shows each step passing against the simulator", async ({ page }) => {
  await signIn(page, "engineering");
  await page.goto("/idempotency");
  await page.getByRole("button", { name: "Run the self-test" }).click();
  const result = page.getByRole("region", { name: "Self-test result" });
  await expect(result).toContainText(/passed against 127\.0\.0\.1:\d+/, { timeout: 30_000 });
  const steps = result.getByRole("list", { name: "Steps" }).locator(":scope > li");
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toContainText("Same request twice, one key");
  await expect(steps.nth(0)).toContainText("key echoed");
  await expect(steps.nth(1)).toContainText("errorCode 704");
  await expect(steps.nth(1)).toContainText("transient-error: true");
  await expect(steps.nth(2)).toContainText("A second, different link was created");
  for (let i = 0; i < 3; i++) await expect(steps.nth(i)).toContainText("passed");
});

test("the API analyses a gzip NDJSON log: 201 with the summary, then the analysis and its findings", async () => {
  const token = createToken("engineering", unique("e2e-idem"));
  const line = (key: string | null, at: string) =>
    JSON.stringify({
      time: at,
      method: "POST",
      url: CHECKOUT,
      requestHeaders: key ? { "Idempotency-Key": key } : { Pragma: "process-retry" },
      requestBody: { merchantAccount: "DemoMerchantPOS", reference: unique("API") },
      status: 200,
    });
  const body = gzipSync(`${line(null, "2026-01-06T09:00:00Z")}\n${line("order-17", "2026-01-06T09:00:01Z")}\n`);
  const headers = { authorization: `Bearer ${token}` };
  const created = await fetch(`${E2E_BASE_URL}/api/v1/idempotency/analyses?fileName=api.ndjson.gz&source=e2e-api`, {
    method: "POST",
    headers,
    body,
  });
  expect(created.status, await created.clone().text()).toBe(201);
  const summary = (await created.json()) as {
    id: string;
    files: number;
    entries: number;
    findings: Record<string, number>;
    readiness: { overall: number };
  };
  expect(summary).toMatchObject({
    files: 1,
    entries: 2,
    findings: { legacy_pragma_retry: 1, missing_idempotency_key: 1, key_not_uuid_v4: 1 },
  });
  expect(Object.keys(summary.findings)).toHaveLength(12);
  expect(summary.readiness.overall).toBe(0.5);

  const got = await fetch(`${E2E_BASE_URL}/api/v1/idempotency/analyses/${summary.id}`, { headers });
  expect(await got.json()).toMatchObject({
    id: summary.id,
    status: "complete",
    inputs: [{ name: "api.ndjson.gz", format: "ndjson", compressed: true }],
  });
  const page1 = await fetch(
    `${E2E_BASE_URL}/api/v1/idempotency/findings?analysisId=${summary.id}&code=key_not_uuid_v4`,
    { headers },
  );
  const findings = (await page1.json()) as {
    items: { code: string; idempotencyKey: string }[];
    nextCursor: string | null;
  };
  expect(findings.items).toEqual([expect.objectContaining({ code: "key_not_uuid_v4", idempotencyKey: "order-17" })]);

  const finance = createToken("finance", unique("e2e-finance"));
  const refused = await fetch(`${E2E_BASE_URL}/api/v1/idempotency/findings`, {
    headers: { authorization: `Bearer ${finance}` },
  });
  expect(refused.status).toBe(403);
});

/** An upload through the API whose body goes on until `stop()`: its analysis runs as long as the test wants. */
function endlessUpload(token: string, source: string) {
  let stopped = false;
  let n = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (stopped) return controller.close();
      await new Promise((r) => setTimeout(r, 100));
      const at = new Date(Date.UTC(2026, 0, 7, 9, 0, n % 60)).toISOString();
      const line = { time: at, method: "POST", url: CHECKOUT, requestBody: { reference: `E-${n++}` }, status: 200 };
      controller.enqueue(new TextEncoder().encode(`${JSON.stringify(line)}\n`));
    },
  });
  const answer = fetch(`${E2E_BASE_URL}/api/v1/idempotency/analyses?fileName=endless.ndjson&source=${source}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body,
    duplex: "half",
  } as RequestInit);
  return { answer, stop: () => void (stopped = true) };
}

test("waiting and running analyses show live with their place; an admin cancels one and the next runs", async ({
  page,
}) => {
  const token = createToken("engineering", unique("e2e-queue"));
  const first = unique("first");
  const second = unique("second");
  await signIn(page, "admin");
  await page.goto("/idempotency");
  const running = endlessUpload(token, first);
  const list = page.getByRole("region", { name: "Analyses", exact: true });
  const firstRow = list.getByRole("row").filter({ hasText: first });
  await expect(firstRow).toContainText("running", { timeout: 30_000 });
  const queued = fetch(`${E2E_BASE_URL}/api/v1/idempotency/analyses?fileName=second.ndjson&source=${second}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: `${JSON.stringify({ time: "2026-01-07T10:00:00Z", method: "POST", url: CHECKOUT, status: 200 })}\n`,
  });
  const secondRow = list.getByRole("row").filter({ hasText: second });
  await expect(secondRow).toContainText("waiting");
  await expect(secondRow).toContainText("place 1 in the queue");
  await firstRow.getByRole("button", { name: "Cancel" }).click();
  await expect(firstRow).toContainText("cancelled by admin@", { timeout: 30_000 });
  running.stop();
  expect((await running.answer).status).toBe(409);
  expect((await queued).status).toBe(201);
  await expect(secondRow).toContainText("complete", { timeout: 30_000 });
  page.once("dialog", (d) => void d.accept());
  await secondRow.getByRole("button", { name: /Delete the analysis of/ }).click();
  await expect(secondRow).toHaveCount(0);
});

test("a file without HTTP exchanges is refused on the page, and a hostile one ends with its reason while /status keeps polling", async ({
  page,
  context,
}) => {
  await signIn(page, "engineering");
  const status = await context.newPage();
  await status.goto("/status");
  await page.goto("/idempotency");
  await page.getByLabel("HAR or NDJSON files").setInputFiles({
    name: "hello.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"hello":"world"}'),
  });
  await page.getByRole("button", { name: "Upload and analyse" }).click();
  await expect(page.getByText("no HTTP exchanges found in hello.json: not a HAR or exchange log")).toBeVisible({
    timeout: 30_000,
  });
  // One good entry, then brackets a million deep: the file that once killed the server.
  const hostile = `{"log":{"entries":[${JSON.stringify(entry("2026-01-08T10:00:00.000Z", {}, {}, 200))}],"pages":${"[".repeat(1_000_000)}`;
  const source = unique("hostile");
  await page.getByLabel("HAR or NDJSON files").setInputFiles({
    name: "hostile.har.gz",
    mimeType: "application/gzip",
    buffer: gzipSync(hostile),
  });
  await page.getByLabel("Where the traffic comes from (optional)").fill(source);
  const polled = status.waitForResponse((r) => r.url().includes("/api/status/banner") && r.ok(), { timeout: 30_000 });
  await page.getByRole("button", { name: "Upload and analyse" }).click();
  await expect(page.getByText(/^Incomplete: hostile\.har\.gz: .*nests deeper than 64 levels/)).toBeVisible({
    timeout: 30_000,
  });
  await polled;
  const row = page.getByRole("region", { name: "Analyses", exact: true }).getByRole("row").filter({ hasText: source });
  await expect(row).toContainText("incomplete");
  // Each code is explained, with what to do about it.
  const guide = page.getByRole("region", { name: "What the codes mean" });
  await expect(guide).toContainText("Store the key with the operation before the first attempt");
});
