// Deliberately failing: run only by the runner self-test (scripts/test-runner.test.ts) with this folder's config.
import { expect, test } from "@playwright/test";

test("passes", () => {
  expect(1 + 1).toBe(2);
});

test("fails on purpose", () => {
  expect(1 + 1).toBe(3);
});

test.skip("is skipped", () => undefined);
