// Shared by the status benchmarks: an embedded PostgreSQL in a temporary folder with a migrated database, the
// simulator as its own process, and a cleanup list that always runs.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startSimulatorProcess } from "../cli/processes.ts";
import { ensureEmbeddedDatabase } from "../lib/db/embedded.ts";
import { migrate } from "../lib/db/migrate.ts";
import { cleanups as newCleanups, type Cleanups } from "./cleanups.ts";

export const say = (msg: string) => process.stdout.write(`${msg}\n`);

export type Stack = {
  dir: string;
  databaseUrl: string;
  simUrl: string;
  simApiKey: string;
  hmacKey: string;
  cleanups: Cleanups;
  cleanUp: () => Promise<void>;
};

export async function startStack(name: string, simArgs: string[] = []): Promise<Stack> {
  const cleanups = newCleanups();
  const dir = await mkdtemp(path.join(os.tmpdir(), `ops-bench-${name}-`));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const server = await ensureEmbeddedDatabase(dir, () => undefined);
  cleanups.push(() => server.stop());
  await migrate(server.url);
  const simApiKey = randomBytes(18).toString("base64url");
  const hmacKey = randomBytes(32).toString("hex");
  const secretsFile = path.join(dir, "sim-secrets.json");
  await writeFile(secretsFile, JSON.stringify({ apiKey: simApiKey, hmacKey }), { mode: 0o600 });
  const sim = startSimulatorProcess(
    ["--port", "0", "--secrets-file", secretsFile, "--quiet", ...simArgs],
    () => undefined,
  );
  cleanups.push(sim.stop);
  const simUrl = await sim.ready;
  return { dir, databaseUrl: server.url, simUrl, simApiKey, hmacKey, cleanups, cleanUp: cleanups.cleanUp };
}

export async function simControl(stack: Stack, pathname: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${stack.simUrl}${pathname}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`simulator ${pathname}: HTTP ${res.status}`);
  return res.json();
}
