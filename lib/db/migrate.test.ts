import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { withTestDatabase } from "@/lib/testing/database";

const database = withTestDatabase();

describe("migrate", () => {
  it("records every committed migration with Prisma's checksum and is a no-op the second time", async () => {
    const all = await readMigrations();
    expect(all.length).toBeGreaterThan(0);
    const again = await migrate(database().url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(all.length);
    const c = new pg.Client({ connectionString: database().url });
    await c.connect();
    const rows = await c.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    await c.end();
    expect(rows.rows.map((r) => r.migration_name)).toEqual(all.map((m) => m.name));
    expect(rows.rows.map((r) => r.checksum)).toEqual(all.map((m) => m.checksum));
  });

  it("lets two instances migrate at once without colliding", async () => {
    const results = await Promise.all([migrate(database().url), migrate(database().url), migrate(database().url)]);
    for (const r of results) expect(r.applied).toEqual([]);
  });

  it("refuses a migration whose SQL changed after it was applied", async () => {
    const all = await readMigrations();
    const first = all[0]!;
    await expect(
      migrate(database().url, [{ ...first, sql: first.sql + "\n-- edited", checksum: "0".repeat(64) }]),
    ).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls a failing migration back whole and does not record it", async () => {
    const bad = {
      name: "99999999999999_bad",
      sql: "CREATE TABLE half_written (id int); SELECT no_such_function();",
      checksum: "f".repeat(64),
    };
    await expect(migrate(database().url, [bad])).rejects.toThrow(/migration 99999999999999_bad failed/);
    const c = new pg.Client({ connectionString: database().url });
    await c.connect();
    const table = await c.query(`SELECT to_regclass('half_written') AS t`);
    const rec = await c.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`, [bad.name]);
    await c.end();
    expect(table.rows[0].t).toBeNull();
    expect(rec.rowCount).toBe(0);
  });
});
