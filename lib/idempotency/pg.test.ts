import { expect, it } from "vitest";
import { withTestDatabase } from "@/lib/testing/database";
import { closeIdempotencyPool, idemQuery } from "@/lib/idempotency/pg";

withTestDatabase({ beforeDrop: closeIdempotencyPool });

it("writes with synchronous_commit off on every connection of its pool", async () => {
  // Several at once, so several fresh connections each answer their very first query.
  const rows = await Promise.all(
    Array.from({ length: 4 }, () => idemQuery<{ synchronous_commit: string }>("SHOW synchronous_commit", [])),
  );
  expect(rows.map((r) => r[0]?.synchronous_commit)).toEqual(["off", "off", "off", "off"]);
});
