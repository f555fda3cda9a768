// `npm start`: database (embedded unless DATABASE_URL), migrations, the Adyen simulator when no ADYEN_API_KEY is
// set, demo data into an empty database, the production build when there is none, then the app server (cli/server.ts). Prints
// the URL and the demo logins. Everything started here is stopped again on Ctrl-C and on any failure.
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { childEnv, envOrExit, type Env } from "../lib/env.ts";
import { resolveDatabase } from "../lib/db/resolve.ts";
import { EmbeddedDatabaseError } from "../lib/db/embedded-error.ts";
import { migrate } from "../lib/db/migrate.ts";
import { db, disconnectDb } from "../lib/db.ts";
import { ensureLocalSecrets, type LocalSecrets } from "../lib/secrets.ts";
import { freePort } from "../lib/db/embedded.ts";
import { seedDemoIfEmpty } from "../prisma/seed/demo.ts";
import { DEMO_USERS } from "../prisma/seed/demo-users.ts";
import { countDemoUsers } from "../lib/auth/users.ts";
import { DEMO_CATALOG } from "../sim/catalog.ts";
import { errorText, Lifecycle, StartError } from "./lifecycle.ts";
import { ROOT, startNextBuild, startAppServer, startSimulatorProcess, waitForHealthy } from "./processes.ts";

const say = (msg: string) => process.stdout.write(`[ops] ${msg}\n`);

async function assertPortFree(port: number, name: string): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = net.createServer().once("error", () => resolve(false));
    server.listen(port, "0.0.0.0", () => server.close(() => resolve(true)));
  });
  if (!free) throw new StartError(`port ${port} is in use (is the app already running?)`, `stop that or set ${name}`);
}

async function step<T>(what: string, remedy: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof StartError || err instanceof EmbeddedDatabaseError) throw err;
    throw new StartError(`${what}: ${errorText(err)}`, remedy);
  }
}

/** Starts the simulator; returns the variables that point the app at it. */
async function startSimulator(life: Lifecycle, e: Env, secrets: LocalSecrets): Promise<Record<string, string>> {
  // Secrets go through a file only this user can read, never the command line (visible to every local user).
  const secretsFile = path.join(path.resolve(e.DATA_DIR), "sim-secrets.json");
  const { simApiKey: apiKey, simHmacKey: hmacKey, simWebhookPassword: webhookPassword } = secrets;
  await writeFile(secretsFile, JSON.stringify({ apiKey, hmacKey, webhookPassword }), { mode: 0o600 });
  const sim = startSimulatorProcess(
    ["--port", String(e.SIM_PORT ?? (await freePort())), "--secrets-file", secretsFile]
      .concat(["--merchant-account", DEMO_CATALOG.merchantAccount])
      .concat(["--webhook-url", `http://127.0.0.1:${e.PORT}/api/webhooks/adyen`])
      .concat(["--webhook-username", secrets.simWebhookUsername]),
    (line) => (e.LOG_LEVEL === "debug" ? process.stdout.write(`[sim] ${line}\n`) : undefined),
  );
  life.onExit(sim.stop);
  const url = await step("the Adyen simulator did not start", "run with LOG_LEVEL=debug to see why", () => sim.ready);
  say(`Adyen simulator at ${url} (no ADYEN_API_KEY set)`);
  return {
    SIMULATOR_MODE: "true",
    ADYEN_ENVIRONMENT: "TEST",
    ADYEN_API_KEY: apiKey,
    ADYEN_MERCHANT_ACCOUNT: DEMO_CATALOG.merchantAccount,
    ADYEN_HMAC_KEYS: hmacKey,
    ADYEN_WEBHOOK_USERNAME: secrets.simWebhookUsername,
    ADYEN_WEBHOOK_PASSWORD: webhookPassword,
    ADYEN_API_BASE_URL: url,
    // The simulator's copy of status.adyen.com (Adyen's real format); a URL the user set wins, so a demo can
    // show the real page.
    ADYEN_STATUS_URL: e.ADYEN_STATUS_URL ?? `${url}/status`,
  };
}

async function main(life: Lifecycle, e: Env): Promise<void> {
  await assertPortFree(e.PORT, "PORT");
  const secrets = await ensureLocalSecrets(e.DATA_DIR);
  const appUrl = e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`;
  const nextauthSecret = e.NEXTAUTH_SECRET ?? secrets.nextauthSecret;

  const database = await life.track(
    step("the database is not reachable", "check that it runs and that DATABASE_URL is right", () =>
      resolveDatabase(e, say),
    ),
    (started) => started.stop(),
  );
  life.onExit(disconnectDb);
  say(database.location ? `embedded PostgreSQL, data in ${database.location}` : "using DATABASE_URL");
  const migrated = await step("migrations failed", "fix the database or the migration, then start again", () =>
    migrate(database.url),
  );
  say(`migrations: ${migrated.applied.length} applied, ${migrated.alreadyApplied} already in place`);
  const simulator = !e.ADYEN_API_KEY;
  if (!simulator && (await countDemoUsers()) > 0) {
    say("demo accounts are in this database; they cannot sign in with real Adyen credentials. Remove them with:");
    say("  npx ops user remove-demo");
  }

  const appEnv: Record<string, string> = { DATABASE_URL: database.url, NEXTAUTH_SECRET: nextauthSecret };
  Object.assign(appEnv, { NEXTAUTH_URL: appUrl, NODE_ENV: "production" });
  if (simulator) {
    Object.assign(appEnv, await startSimulator(life, e, secrets));
    const seeded = await step("demo data could not be written", "see the message above", () => seedDemoIfEmpty(db()));
    if (seeded) say(`demo data: ${seeded.stores} stores, ${seeded.usersCreated} users, ${seeded.orders} POS orders`);
    const runtime = { appUrl, simUrl: appEnv["ADYEN_API_BASE_URL"] };
    await writeFile(path.join(path.resolve(e.DATA_DIR), "runtime.json"), JSON.stringify(runtime), { mode: 0o600 });
  }
  await disconnectDb();

  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    say("no production build yet: building (first run only, takes a minute or two)…");
    const build = startNextBuild(childEnv({ NEXTAUTH_SECRET: nextauthSecret, NODE_ENV: "production" }));
    life.onExit(build.stop);
    await step("the production build failed", "see its output above, fix it and run npm start again", () => build.done);
  }
  const next = startAppServer(e.PORT, childEnv(appEnv));
  life.onExit(next.stop);
  next.process.once("exit", (code) => void life.exit(code ?? 1, `the app server exited (code ${code})`));
  await step("the app did not start", "see the output above", () =>
    waitForHealthy(`http://127.0.0.1:${e.PORT}`, 60_000),
  );

  say(`ready: ${appUrl}`);
  if (simulator) {
    say("demo logins (simulator mode only):");
    for (const u of DEMO_USERS) say(`  ${u.role.padEnd(13)} ${u.email.padEnd(24)} ${u.password}`);
  }
}

const e = envOrExit();
const life = new Lifecycle();
life.handleSignals();
main(life, e).catch((err: unknown) => life.fail(err, e.LOG_LEVEL === "debug"));
