import { describe, expect, it } from "vitest";
import { inChunks } from "@/lib/idempotency/input/test-support";
import { limitedBody, splitUpload } from "@/lib/idempotency/upload";

async function text(it: AsyncIterable<Buffer>, max = Infinity): Promise<string> {
  let out = "";
  for await (const c of it) {
    out += c.toString();
    if (out.length >= max) break;
  }
  return out;
}

describe("splitUpload", () => {
  it("splits files sent back to back, whatever the chunking, skipping what a reader leaves", async () => {
    for (const size of [1, 3, 100]) {
      const got: string[] = [];
      const parts = [
        { name: "a.har", size: 5 },
        { name: "b.ndjson", size: 3 },
        { name: "c", size: 4 },
      ];
      for await (const p of splitUpload(inChunks("AAAAABBBCCCC", size), parts))
        got.push(`${p.name}=${await text(p.bytes, p.name === "a.har" ? 1 : Infinity)}`);
      expect(got[1]).toBe("b.ndjson=BBB");
      expect(got[2]).toBe("c=CCCC");
    }
  });

  it("says which file the body ended in, and refuses extra bytes", async () => {
    const cut = async () => {
      for await (const p of splitUpload(inChunks("AAAAAB", 2), [
        { name: "a", size: 5 },
        { name: "b", size: 3 },
      ]))
        await text(p.bytes);
    };
    await expect(cut()).rejects.toThrow("The upload ended inside b: 1 of 3 bytes arrived.");
    const extra = async () => {
      for await (const p of splitUpload(inChunks("AAAAAX", 2), [{ name: "a", size: 5 }])) await text(p.bytes);
    };
    await expect(extra()).rejects.toThrow(/longer than/);
  });
});

describe("limitedBody", () => {
  it("refuses a declared or actual size over the limit with 413, and an empty body", async () => {
    await expect(text(limitedBody(inChunks("x", 1), 10_000_000, 1_000))).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
    });
    await expect(text(limitedBody(inChunks("x".repeat(2000), 100), null, 1_000))).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
    });
    await expect(text(limitedBody(inChunks("", 1), null, 1_000))).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await text(limitedBody(inChunks("hello", 2), 5, 1_000))).toBe("hello");
  });
});
