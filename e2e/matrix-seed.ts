// Creates what the permission matrix needs in the running app's database — two stores, a user and an API token
// per role (a store manager for each store) — through the same services the ops CLI uses, as `system`. Prints one
// JSON line for e2e/matrix-world.ts. Run: tsx e2e/matrix-seed.ts <run id>
import { randomBytes } from "node:crypto";
import { openContext } from "../cli/context.ts";
import { createApiToken } from "../lib/auth/api-tokens.ts";
import { createUser } from "../lib/auth/users.ts";
import { upsertStore } from "../lib/stores/stores.ts";
import { SUBJECT_ROLES, type MatrixSeed, type SubjectKey } from "./matrix-subjects.ts";

async function main(run: string): Promise<MatrixSeed> {
  const ctx = await openContext();
  try {
    const storeA = { id: `matrix-a-${run}`, name: `Matrix Store A ${run}` };
    const storeB = { id: `matrix-b-${run}`, name: `Matrix Store B ${run}` };
    for (const s of [storeA, storeB]) await upsertStore({ ...s, timezone: "Europe/Berlin" }, "system");
    const users = {} as MatrixSeed["users"];
    const tokens = {} as MatrixSeed["tokens"];
    for (const [key, s] of Object.entries(SUBJECT_ROLES) as [SubjectKey, (typeof SUBJECT_ROLES)[SubjectKey]][]) {
      const storeIds = s.store === "A" ? [storeA.id] : s.store === "B" ? [storeB.id] : [];
      const email = `matrix-${key.toLowerCase()}-${run}@example.test`;
      const password = randomBytes(18).toString("base64url");
      await createUser({ email, role: s.role, password, storeIds, name: `Matrix ${key}` }, "system");
      users[key] = { email, password };
      tokens[key] = (await createApiToken({ name: `matrix-${key}-${run}`, role: s.role, storeIds }, "system")).token;
    }
    return { storeA, storeB, users, tokens };
  } finally {
    await ctx.close();
  }
}

const run = process.argv[2];
if (!run || !/^[a-z0-9]{4,16}$/.test(run)) {
  process.stderr.write("usage: tsx e2e/matrix-seed.ts <run id: 4-16 lower-case letters or digits>\n");
  process.exit(2);
}
main(run).then(
  (seed) => {
    process.stdout.write(JSON.stringify(seed) + "\n");
    process.exit(0);
  },
  (err: unknown) => {
    process.stderr.write(`matrix seed failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
