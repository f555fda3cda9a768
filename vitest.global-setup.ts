// One embedded PostgreSQL for the whole unit test run; a migrated template database that each test file clones,
// so files run in parallel without sharing rows.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { ensureEmbeddedDatabase } from "./lib/db/embedded";
import { migrate } from "./lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "ops-unit-pg-"));
  const server = await ensureEmbeddedDatabase(dir, () => undefined, { throwaway: true });
  const template = "ops_template";
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const templateUrl = server.url.replace(/\/[^/]+$/, `/${template}`);
  await migrate(templateUrl);
  project.provide("pgServerUrl", server.url);
  project.provide("pgTemplate", template);
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
