import { describe, expect, it } from "vitest";
import { parseSettlementReport } from "@/lib/reconciliation/reports";
import { fixtureText } from "@/lib/reconciliation/reports/fixtures/fixture-input";
import { importResponse, requestBodyChunks, skipInvalidParam } from "@/lib/reconciliation/imports/http";

describe("import HTTP edge", () => {
  it("answers a refused input with 422 and the per-row problems", async () => {
    const res = importResponse(
      {
        ok: false,
        kind: "orders",
        rows: 3,
        rejected: 1,
        problems: [{ index: 2, field: "storeId", reason: "store not allowed" }],
        problemCount: 1,
      },
      { requestId: "r1" },
    );
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: {
        code: "UNPROCESSABLE",
        message: expect.stringMatching(/^1 of 3 rows are invalid; nothing was imported/),
        problems: [{ index: 2, field: "storeId", reason: "store not allowed" }],
        problemCount: 1,
        rows: 3,
        rejected: 1,
      },
      requestId: "r1",
    });
  });

  it("answers a success with the counts and at most the problems asked for", async () => {
    const problems = [1, 2, 3].map((line) => ({ line, field: "Type", reason: "is empty" }));
    const res = importResponse(
      {
        ok: true,
        kind: "settlement_details",
        batchId: "b",
        fileName: "f.csv",
        rows: 9,
        inserted: 5,
        updated: 0,
        duplicates: 1,
        rejected: 3,
        problems,
        problemCount: 3,
        summary: {},
      },
      { maxProblems: 2 },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      batchId: "b",
      rows: 9,
      inserted: 5,
      duplicates: 1,
      rejected: 3,
      problemCount: 3,
      problems: problems.slice(0, 2),
    });
  });

  it("streams a request body into a report parser chunk by chunk", async () => {
    const text = fixtureText("settlement-gen3.csv");
    const bytes = new TextEncoder().encode(text);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 100) controller.enqueue(bytes.slice(i, i + 100));
        controller.close();
      },
    });
    const req = new Request("http://x/upload?skipInvalid=true", {
      method: "POST",
      body,
      duplex: "half",
    } as RequestInit);
    let rows = 0;
    for await (const item of parseSettlementReport(requestBodyChunks(req, 1024 * 1024)))
      if (item.kind === "row") rows += 1;
    expect(rows).toBe(6);
    expect(skipInvalidParam(req.url)).toBe(true);
    expect(skipInvalidParam("http://x/upload?skipInvalid=no")).toBe(false);
  });
});
