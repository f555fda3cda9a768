// Imports under load and abuse: no transaction held open while a client streams, bounded bodies and records.
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { withTestDatabase } from "@/lib/testing/database";
import { makeStore } from "@/prisma/seed/factories";
import { importOrdersCsv, importSettlementReport } from "@/lib/reconciliation/imports";
import { assertRowLimit, MAX_RECORD_BYTES, readJsonBody, requestBodyChunks } from "@/lib/reconciliation/imports/http";
import { countRows, principal, resetImportTables, testOptions } from "@/lib/reconciliation/imports/test-support";
import { fixtureText } from "@/lib/reconciliation/reports/fixtures/fixture-input";
import { pruneAbandonedStagedRows } from "@/lib/reconciliation/imports/staging";

const database = withTestDatabase();
let observer: pg.Client;
beforeAll(async () => {
  observer = new pg.Client({ connectionString: database().url });
  await observer.connect();
});
afterAll(async () => observer.end());
beforeEach(async () => {
  await resetImportTables();
  await makeStore("S1");
});

const HEADER = "merchantReference,storeId,amount,currency,createdAt\n";
const line = (i: number) => `ORD-${i},S1,12.50,EUR,2024-03-14T10:21:03Z\n`;

async function databaseClock(): Promise<Date> {
  const { rows } = await observer.query<{ t: Date }>("SELECT clock_timestamp() AS t");
  return rows[0]?.t ?? new Date(0);
}

/** Other sessions of this database inside a transaction that began before `since`. */
async function transactionsOpenSince(since: Date): Promise<number> {
  const { rows } = await observer.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND xact_start <= $1`,
    [since],
  );
  return rows[0]?.n ?? 0;
}

describe("an upload that streams slowly", () => {
  it("holds no database transaction open while the client is still sending", async () => {
    const seen: number[] = [];
    async function* slowUpload() {
      const uploadStarted = await databaseClock();
      yield HEADER;
      for (let i = 0; i < 2_500; i++) yield line(i);
      // The client pauses here (a slow line, or someone holding the connection open on purpose): no transaction
      // may have been open since the upload began (short statements that stage rows come and go).
      seen.push(await transactionsOpenSince(uploadStarted));
      for (let i = 2_500; i < 3_000; i++) yield line(i);
    }
    const result = await importOrdersCsv(slowUpload(), testOptions(principal("finance")));
    expect(result).toMatchObject({ ok: true, rows: 3_000, inserted: 3_000 });
    expect(seen).toEqual([0]);
    expect(await countRows("pos_orders")).toBe(3_000);
  });

  it("stays all-or-nothing: an invalid last row leaves nothing written and nothing staged", async () => {
    async function* upload() {
      yield HEADER;
      for (let i = 0; i < 2_500; i++) yield line(i);
      yield "ORD-bad,S1,not-money,EUR,2024-03-14T10:21:03Z\n";
    }
    const result = await importOrdersCsv(upload(), testOptions(principal("finance")));
    expect(result).toMatchObject({ ok: false, rows: 2_501, rejected: 1 });
    expect(await countRows("pos_orders")).toBe(0);
    expect((await observer.query("SELECT 1 FROM import_staged_rows")).rowCount).toBe(0);
  });

  it("an upload that breaks off half-way leaves nothing written and nothing staged", async () => {
    async function* broken() {
      yield HEADER;
      for (let i = 0; i < 2_500; i++) yield line(i);
      throw new Error("the client went away");
    }
    await expect(importOrdersCsv(broken(), testOptions(principal("finance")))).rejects.toThrow(/went away/);
    expect(await countRows("pos_orders")).toBe(0);
    expect((await observer.query("SELECT 1 FROM import_staged_rows")).rowCount).toBe(0);
  });
});

describe("limits", () => {
  it("refuses a CSV record larger than the record limit with 422 naming the line", async () => {
    const huge = `ORD-1,S1,1250,EUR,2024-03-14T10:21:03Z,${"x".repeat(MAX_RECORD_BYTES)}\n`;
    const err = await importOrdersCsv([HEADER, line(0), huge], testOptions(principal("finance"))).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "UNPROCESSABLE" });
    expect((err as AppError).message).toMatch(/line 3 .*longer than/);
    await expect(
      importSettlementReport([fixtureText("settlement-gen3.csv"), `"${"y".repeat(MAX_RECORD_BYTES + 10)}"\n`], {
        ...testOptions(principal("finance")),
      }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE" });
  });

  it("refuses an upload body over its limit with 413 while it streams", async () => {
    const req = new Request("http://x/upload", { method: "POST", body: "a".repeat(2_000) });
    const read = async () => {
      for await (const _chunk of requestBodyChunks(req, 1_000)) {
        // consumed
      }
    };
    await expect(read()).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("reads JSON bodies only as application/json and only up to the limit (413), declared or not", async () => {
    const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
      new Request("http://x/api/v1/orders", { method: "POST", body, headers });
    await expect(readJsonBody(post('{"orders":[]}'), 100)).resolves.toEqual({ orders: [] });
    await expect(readJsonBody(post(`{"orders":["${"a".repeat(200)}"]}`), 100)).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
    });
    await expect(
      readJsonBody(post("{}", { "content-type": "application/json", "content-length": "5000" }), 100),
    ).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    await expect(readJsonBody(post("{}", { "content-type": "text/csv" }), 100)).rejects.toMatchObject({
      code: "UNSUPPORTED_MEDIA_TYPE",
    });
    await expect(readJsonBody(post("{oops"), 100)).rejects.toMatchObject({ code: "VALIDATION" });
  });
});

describe("rows per request", () => {
  it("more than a request may carry is a 413 that says how to split, checked before validation", () => {
    expect(() => assertRowLimit({ orders: new Array(10_001).fill({}) }, "orders", 10_000)).toThrow(
      expect.objectContaining({ code: "PAYLOAD_TOO_LARGE", message: expect.stringMatching(/At most 10,000 orders/) }),
    );
    expect(() => assertRowLimit({ orders: new Array(10_000).fill({}) }, "orders", 10_000)).not.toThrow();
    expect(() => assertRowLimit({ orders: "nope" }, "orders", 10_000)).not.toThrow();
  });
});

describe("abandoned staging", () => {
  it("rows an import left behind long ago are deleted, a running import's are kept", async () => {
    await observer.query(`INSERT INTO import_staged_rows (batch_id, seq, row, created_at) VALUES
      ('00000000-0000-4000-8000-000000000001', 0, '{}', now() - interval '7 hours'),
      ('00000000-0000-4000-8000-000000000002', 0, '{}', now())`);
    expect(await pruneAbandonedStagedRows()).toBe(1);
    const { rows } = await observer.query<{ batch_id: string }>("SELECT batch_id FROM import_staged_rows");
    expect(rows.map((r) => r.batch_id)).toEqual(["00000000-0000-4000-8000-000000000002"]);
    await observer.query("DELETE FROM import_staged_rows");
  });
});

describe("the audit entry of an import", () => {
  it("carries our request id, and the caller's only in its own field", async () => {
    const result = await importOrdersCsv([HEADER, line(1)], {
      ...testOptions(principal("finance")),
      requestId: "our-generated-id",
      callerRequestId: "whatever-the-caller-sent",
    });
    expect(result.ok).toBe(true);
    const { rows } = await observer.query<{ request_id: string; caller_request_id: string }>(
      "SELECT request_id, caller_request_id FROM audit_log WHERE action = 'import.orders'",
    );
    expect(rows).toEqual([{ request_id: "our-generated-id", caller_request_id: "whatever-the-caller-sent" }]);
  });
});
