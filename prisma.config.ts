// Prisma CLI configuration. Prisma 6.19 checks for native engine files before every command even though
// this project uses the Rust-free client and its own migration runner; pointing these at placeholders lets
// `generate`, `validate`, `format` and `migrate diff` run on machines without internet access.
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

const placeholder = path.join(import.meta.dirname, "prisma", "engine-placeholder");
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= placeholder;
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= placeholder;

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  // The JS schema engine needs no download. It is only used for `migrate diff` (no database is touched);
  // migrations are applied by lib/db/migrate.ts. The URL is a placeholder that is never connected to.
  experimental: { adapter: true },
  engine: "js",
  adapter: async () =>
    new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://unused@127.0.0.1:1/unused" }),
});
