// `npm start`: build if needed, database (embedded unless DATABASE_URL), migrations, the Adyen simulator when no
// ADYEN_API_KEY is set, demo data into an empty database, then the Next.js server. Prints the URL and demo logins.
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { childEnv, envOrExit } from "../lib/env.ts";
import { resolveDatabase } from "../lib/db/resolve.ts";
import { migrate } from "../lib/db/migrate.ts";
import { db, disconnectDb } from "../lib/db.ts";
import { ensureLocalSecrets } from "../lib/secrets.ts";
import { freePort } from "../lib/db/embedded.ts";
import { seedDemoIfEmpty } from "../prisma/seed/demo.ts";
import { DEMO_USERS } from "../prisma/seed/demo-users.ts";
import { countDemoUsers } from "../lib/auth/users.ts";
import { DEMO_CATALOG } from "../sim/catalog.ts";
import { ROOT, runNextBuild, startNextServer, startSimulatorProcess, waitForHealthy, type Child } from "./processes.ts";

const e = envOrExit();
const say = (msg: string) => process.stdout.write(`[ops] ${msg}\n`);
const children: Child[] = [];
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const c of children.reverse()) await c.stop();
    await disconnectDb();
    await database?.stop();
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

const secrets = await ensureLocalSecrets(e.DATA_DIR);
const simulator = !e.ADYEN_API_KEY;
const appUrl = e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`;
const buildEnv = childEnv({ NEXTAUTH_SECRET: e.NEXTAUTH_SECRET ?? secrets.nextauthSecret, NODE_ENV: "production" });

if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
  say("no production build yet: building (first run only, takes a minute or two)…");
  await runNextBuild(buildEnv);
}

const database = await resolveDatabase(e, (m) => (e.LOG_LEVEL === "debug" ? say(`postgres: ${m}`) : undefined)).catch(
  (err: unknown) => {
    process.stderr.write(`Could not start the database: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
say(database.embedded ? `embedded PostgreSQL under ${e.DATA_DIR}/postgres` : "using DATABASE_URL");
const migrated = await migrate(database.url);
say(`migrations: ${migrated.applied.length} applied, ${migrated.alreadyApplied} already in place`);
if (!simulator && (await countDemoUsers()) > 0) {
  say("demo accounts are in this database; they cannot sign in with real Adyen credentials. Remove them with:");
  say("  npx ops user remove-demo");
}

const appEnv: Record<string, string> = {
  DATABASE_URL: database.url,
  NEXTAUTH_SECRET: e.NEXTAUTH_SECRET ?? secrets.nextauthSecret,
  NEXTAUTH_URL: appUrl,
  NODE_ENV: "production",
};

if (simulator) {
  // Secrets go through a file only this user can read, never the command line (visible to every local user).
  const simSecrets = path.join(path.resolve(e.DATA_DIR), "sim-secrets.json");
  const simSecretsJson = JSON.stringify({
    apiKey: secrets.simApiKey,
    hmacKey: secrets.simHmacKey,
    webhookPassword: secrets.simWebhookPassword,
  });
  await writeFile(simSecrets, simSecretsJson, { mode: 0o600 });
  const sim = await startSimulatorProcess(
    [
      "--port",
      String(e.SIM_PORT ?? (await freePort())),
      "--secrets-file",
      simSecrets,
      "--merchant-account",
      DEMO_CATALOG.merchantAccount,
      "--webhook-url",
      `http://127.0.0.1:${e.PORT}/api/webhooks/adyen`,
      "--webhook-username",
      secrets.simWebhookUsername,
    ],
    (line) => (e.LOG_LEVEL === "debug" ? process.stdout.write(`[sim] ${line}\n`) : undefined),
  );
  children.push(sim);
  say(`Adyen simulator at ${sim.url} (no ADYEN_API_KEY set)`);
  Object.assign(appEnv, {
    SIMULATOR_MODE: "true",
    ADYEN_ENVIRONMENT: "TEST",
    ADYEN_API_KEY: secrets.simApiKey,
    ADYEN_MERCHANT_ACCOUNT: DEMO_CATALOG.merchantAccount,
    ADYEN_HMAC_KEYS: secrets.simHmacKey,
    ADYEN_WEBHOOK_USERNAME: secrets.simWebhookUsername,
    ADYEN_WEBHOOK_PASSWORD: secrets.simWebhookPassword,
    ADYEN_API_BASE_URL: sim.url,
    ADYEN_STATUS_URL: `${sim.url}/status/api/v2/summary.json`,
  });
  const seeded = await seedDemoIfEmpty(db());
  if (seeded)
    say(
      `demo data: ${seeded.stores} stores, ${seeded.usersCreated} users, ${seeded.orders} POS orders with their payments`,
    );
  await writeFile(path.join(path.resolve(e.DATA_DIR), "runtime.json"), JSON.stringify({ appUrl, simUrl: sim.url }), {
    mode: 0o600,
  });
}
await disconnectDb();

const next = startNextServer(e.PORT, childEnv(appEnv));
children.push(next);
next.process.once("exit", (code) => {
  if (!stopping) {
    process.stderr.write(`the Next.js server exited (code ${code})\n`);
    void shutdown(code ?? 1);
  }
});
await waitForHealthy(`http://127.0.0.1:${e.PORT}`, 60_000).catch(async (err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  await shutdown(1);
});

say(`ready: ${appUrl}`);
if (simulator) {
  say("demo logins (simulator mode only):");
  for (const u of DEMO_USERS) say(`  ${u.role.padEnd(13)} ${u.email.padEnd(24)} ${u.password}`);
}
