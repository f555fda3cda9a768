// Writes the next migration: the SQL from the schema as of the last committed migration to prisma/schema.prisma.
// Usage: npm run db:diff -- <name>   (without a name it only prints the SQL)
// Prisma's JS schema engine cannot introspect PostgreSQL here (upstream issue 27403), so each migration keeps a
// snapshot of the schema it was made from (schema.snapshot.prisma) and diffs are datamodel to datamodel. The engine
// still wants a reachable database, so a throwaway embedded PostgreSQL is started; it also proves the result applies.
import { execFileSync } from "node:child_process";
import { copyFile, mkdtemp, mkdir, readdir, writeFile, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { childEnv } from "../lib/env.ts";
import { ensureEmbeddedDatabase } from "../lib/db/embedded.ts";
import { migrate, migrationsDir, readMigrations } from "../lib/db/migrate.ts";

const name = process.argv[2];
const dir = migrationsDir();
const previous = (await readdir(dir))
  .filter((n) => existsSync(path.join(dir, n, "schema.snapshot.prisma")))
  .sort()
  .at(-1);
const from = previous
  ? ["--from-schema-datamodel", path.join(dir, previous, "schema.snapshot.prisma")]
  : ["--from-empty"];

const tmp = await mkdtemp(path.join(os.tmpdir(), "ops-diff-"));
const db = await ensureEmbeddedDatabase(tmp, () => undefined, { throwaway: true });
try {
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    {
      env: childEnv({ DATABASE_URL: db.url }),
      encoding: "utf8",
    },
  ).replace(/^Loaded Prisma config.*\n+/m, "");
  if (!name) {
    process.stdout.write(sql);
  } else if (/^-- This is an empty migration/.test(sql.trim())) {
    process.stdout.write("schema and migrations agree: nothing to write\n");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const target = path.join(dir, `${stamp}_${name}`);
    await mkdir(target, { recursive: true });
    await writeFile(path.join(target, "migration.sql"), sql);
    await copyFile("prisma/schema.prisma", path.join(target, "schema.snapshot.prisma"));
    const result = await migrate(db.url, await readMigrations(dir));
    process.stdout.write(
      `wrote ${path.relative(process.cwd(), target)}/migration.sql (applies cleanly: ${result.applied.length} migrations)\n`,
    );
  }
} finally {
  await db.stop();
  await rm(tmp, { recursive: true, force: true });
}
