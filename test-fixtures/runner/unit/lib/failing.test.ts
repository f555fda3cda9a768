// Deliberately failing: run only by the runner self-test (scripts/test-runner.test.ts) through `--dir`; the normal
// unit suite never includes test-fixtures/.
import { describe, expect, it } from "vitest";

describe("runner fixture", () => {
  it("passes", () => {
    expect(1 + 1).toBe(2);
  });

  it("fails on purpose", () => {
    expect(1 + 1).toBe(3);
  });

  it.skip("is skipped", () => undefined);
});
