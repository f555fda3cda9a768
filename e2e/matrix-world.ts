// The permission matrix's own data and callers: stores, users and tokens made by e2e/matrix-seed.ts in the running
// app's database, one signed-in request context per user, one per API token, and an anonymous one.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, request, type APIRequestContext } from "@playwright/test";
import { childEnv } from "../lib/env";
import { E2E_BASE_URL, E2E_DATA_DIR } from "./config";
import { SUBJECT_ROLES, type MatrixSeed, type Subject, type SubjectKey } from "./matrix-subjects";
import type { SampleContext } from "./permission-samples";

export type World = {
  seed: MatrixSeed;
  samples: SampleContext;
  contextFor: (subject: Subject) => APIRequestContext;
  dispose: () => Promise<void>;
};

const ROOT = path.resolve(import.meta.dirname, "..");
// Same-origin, as a browser sends it: server actions and state-changing routes check it.
const ORIGIN = { origin: E2E_BASE_URL };

function runSeed(run: string): MatrixSeed {
  const out = execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "e2e/matrix-seed.ts", run], {
    cwd: ROOT,
    env: childEnv({ DATA_DIR: E2E_DATA_DIR, DATABASE_URL: "", LOG_LEVEL: "warn" }),
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").at(-1) ?? "") as MatrixSeed;
}

async function signedIn(key: SubjectKey, user: { email: string; password: string }): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: ORIGIN });
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await ctx.post("/api/auth/callback/credentials", {
    form: { ...user, csrfToken, callbackUrl: "/status", json: "true" },
    maxRedirects: 0,
  });
  // The session must really be this user's, or every "allowed" below would prove nothing.
  const who = await ctx.get("/api/v1/whoami");
  expect(who.status(), `sign-in of ${key}`).toBe(200);
  expect(((await who.json()) as { role: string }).role).toBe(SUBJECT_ROLES[key].role);
  return ctx;
}

export async function setUpWorld(): Promise<World> {
  const run = randomBytes(5).toString("hex");
  const seed = runSeed(run);
  const keys = Object.keys(SUBJECT_ROLES) as SubjectKey[];
  const sessions = new Map<SubjectKey, APIRequestContext>();
  const tokens = new Map<SubjectKey, APIRequestContext>();
  for (const key of keys) {
    sessions.set(key, await signedIn(key, seed.users[key]));
    tokens.set(
      key,
      await request.newContext({
        baseURL: E2E_BASE_URL,
        extraHTTPHeaders: { ...ORIGIN, authorization: `Bearer ${seed.tokens[key]}` },
      }),
    );
  }
  const anonymous = await request.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: ORIGIN });
  const secrets = JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "secrets.json"), "utf8")) as {
    simHmacKey: string;
    simWebhookUsername: string;
    simWebhookPassword: string;
  };
  let n = 0;
  return {
    seed,
    samples: {
      storeA: seed.storeA.id,
      unique: () => `${run}${(++n).toString(36)}`,
      webhook: {
        hmacKey: secrets.simHmacKey,
        username: secrets.simWebhookUsername,
        password: secrets.simWebhookPassword,
      },
    },
    contextFor: (subject) => {
      if (subject.key === null || subject.via === "anonymous") return anonymous;
      const ctx = (subject.via === "token" ? tokens : sessions).get(subject.key);
      if (!ctx) throw new Error(`no request context for ${subject.name}`);
      return ctx;
    },
    dispose: async () => {
      for (const ctx of [...sessions.values(), ...tokens.values(), anonymous]) await ctx.dispose();
    },
  };
}
