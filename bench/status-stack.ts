// Shared by the status benchmarks: an embedded PostgreSQL in a temporary folder with a migrated database, the
// simulator as its own process, and a cleanup list that always runs.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startAppServer, startSimulatorProcess, waitForHealthy } from "../cli/processes.ts";
import { ensureEmbeddedDatabase, freePort } from "../lib/db/embedded.ts";
import { childEnv } from "../lib/env.ts";
import { DEMO_CATALOG } from "../sim/catalog.ts";
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

/** The production app server on the stack, in simulator mode with the demo merchant; its URL once it is healthy. */
export async function startStackApp(
  stack: Stack,
  nextauthSecret: string,
  extraEnv: Record<string, string> = {},
): Promise<string> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const app = startAppServer(
    port,
    childEnv({
      DATABASE_URL: stack.databaseUrl,
      NEXTAUTH_SECRET: nextauthSecret,
      NEXTAUTH_URL: url,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      SIMULATOR_MODE: "true",
      ADYEN_API_KEY: stack.simApiKey,
      ADYEN_MERCHANT_ACCOUNT: DEMO_CATALOG.merchantAccount,
      ADYEN_HMAC_KEYS: stack.hmacKey,
      ADYEN_API_BASE_URL: stack.simUrl,
      ADYEN_STATUS_URL: `${stack.simUrl}/status`,
      ...extraEnv,
    }),
    "127.0.0.1",
  );
  stack.cleanups.push(app.stop);
  await waitForHealthy(url, 90_000);
  return url;
}
