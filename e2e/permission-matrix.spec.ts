// The permission matrix: every page, route handler method and server action of the app (found in the source, not
// listed by hand), called for real by every role — admin, finance, engineering, a store manager of store A, a store
// manager of another store B — signed in, with an API token for /api/v1, and anonymously. Each answer must be
// exactly what lib/auth/permissions.ts says for the action lib/auth/route-permissions.ts names; an entry point
// missing from that registry fails here. One test per (entry, caller), so a failure names both.
import { expect, test } from "@playwright/test";
import { isPublic } from "../lib/auth/route-permissions";
import { callEntry, matrixEntries, missingSample } from "./matrix-calls";
import { isAllowed, subjectsFor } from "./matrix-subjects";
import { setUpWorld, type World } from "./matrix-world";

const entries = matrixEntries();
let world: World;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  world = await setUpWorld();
});
test.afterAll(async () => world?.dispose());

test("the matrix finds the app's entry points", () => {
  const kinds = new Set(entries.map((e) => e.kind));
  expect([...kinds].sort()).toEqual(["action", "page", "route"]);
  expect(entries.map((e) => e.key)).toEqual(expect.arrayContaining(["page /status", "POST /api/v1/orders"]));
});

for (const entry of entries) {
  const guard = entry.guard;
  if (!guard) {
    test(`${entry.key} has a guard in lib/auth/route-permissions.ts`, () => {
      throw new Error(`${entry.key} (${entry.file}) has no entry in lib/auth/route-permissions.ts`);
    });
    continue;
  }
  if (missingSample(entry)) {
    test(`${entry.key} has a sample request naming store A in e2e/permission-samples.ts`, () => {
      throw new Error(`${entry.key} names its store in the ${"store" in guard ? guard.store : ""}: add a sample`);
    });
    continue;
  }
  const rule = isPublic(guard)
    ? "public"
    : `${guard.action}${guard.store ? ` on the store in the ${guard.store}` : ""}`;
  for (const subject of subjectsFor(entry.kind, entry.pattern)) {
    const allowed = isAllowed(guard, subject);
    test(`${entry.key} [${rule}] — ${subject.name}: ${allowed ? "allowed" : "denied"}`, async () => {
      const outcome = await callEntry(world, entry, subject);
      test.info().annotations.push({ type: "answer", description: outcome.why.slice(0, 200) });
      expect(outcome.verdict, outcome.why).toBe(allowed ? "allowed" : "denied");
      // Refused means no data, and store B's manager never sees store A's (the name is only in the database).
      if (!allowed || subject.key === "managerB") {
        expect(outcome.body, "the answer shows store A's data").not.toContain(world.seed.storeA.name);
      }
    });
  }
}
