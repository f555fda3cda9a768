// The self-test: proves against the configured Adyen TEST endpoint (the simulator in simulator mode) that keys
// work as the migration assumes. 1) the same request twice with one key is replayed (same answer, the key
// echoed); 2) two at once with one key: one is processed, the other gets 704 with `transient-error: true`;
// 3) the same body with a new key is a new resource, which is exactly why a retry must keep its key.
import { randomBytes, randomUUID } from "node:crypto";
import { adyenConfigFromEnv, type AdyenConfig } from "@/lib/adyen/client";
import { callCheckoutTest, type RawAdyenResponse } from "@/lib/adyen/raw-call";
import { recordAudit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { errorCodeOf } from "@/lib/idempotency/findings/duplicate-in-flight";
import { errorFields, log } from "@/lib/log";

export type Outcome = "pass" | "fail" | "inconclusive" | "skipped";

export type SelfTestRequest = {
  key: string;
  status: number | null;
  echoedKey: string | null;
  transient: boolean;
  errorCode: string | null;
  resourceId: string | null;
  durationMs: number | null;
  error?: string;
};

export type SelfTestStep = {
  id: "replay" | "concurrent" | "new_key";
  outcome: Outcome;
  requests: SelfTestRequest[];
  note: string;
};
export type SelfTestResult = {
  ranAt: string;
  target: string;
  merchantAccount: string;
  outcome: Outcome;
  steps: SelfTestStep[];
};

export type SelfTestDeps = { config?: AdyenConfig; call?: typeof callCheckoutTest; pauseMs?: number };

export const LAST_SELF_TEST_SETTING = "idempotency.lastSelfTest";
const ok = (r: SelfTestRequest) => r.status !== null && r.status >= 200 && r.status < 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function resourceIdOf(text: string): string | null {
  try {
    const v = JSON.parse(text) as { id?: unknown; pspReference?: unknown };
    return typeof v.id === "string" ? v.id : typeof v.pspReference === "string" ? v.pspReference : null;
  } catch {
    return null;
  }
}

export async function runSelfTest(actor: Actor, deps: SelfTestDeps = {}): Promise<SelfTestResult> {
  assertCan(actor, "idempotency.self_test");
  const config = deps.config ?? adyenConfigFromEnv(env());
  if (config.environment !== "TEST") {
    throw new AppError(
      "UNPROCESSABLE",
      "The self-test only runs against Adyen's test environment; ADYEN_ENVIRONMENT is LIVE.",
    );
  }
  const merchantAccount = config.merchantAccount;
  if (!merchantAccount)
    throw new AppError("UNAVAILABLE", "No merchant account is configured (ADYEN_MERCHANT_ACCOUNT).");
  const call = deps.call ?? callCheckoutTest;
  const send = async (key: string, body: unknown): Promise<SelfTestRequest> => {
    let res: RawAdyenResponse;
    try {
      res = await call(config, "/paymentLinks", { method: "POST", body, idempotencyKey: key });
    } catch (err) {
      return {
        key,
        status: null,
        echoedKey: null,
        transient: false,
        errorCode: null,
        resourceId: null,
        durationMs: null,
        error: err instanceof Error ? err.message : String(err),
      };
    }
    const good = res.status >= 200 && res.status < 300;
    return {
      key,
      status: res.status,
      echoedKey: res.headers.get("idempotency-key"),
      transient: res.headers.get("transient-error")?.toLowerCase() === "true",
      errorCode: good ? null : errorCodeOf(res.bodyText),
      resourceId: good ? resourceIdOf(res.bodyText) : null,
      durationMs: res.durationMs,
    };
  };
  const run = randomBytes(4).toString("hex");
  const link = (suffix: string) => ({
    amount: { currency: "EUR", value: 100 },
    merchantAccount,
    reference: `idempotency-self-test-${run}-${suffix}`,
    description: "Idempotency self-test (merchant-ops); expired right after",
  });
  const steps: SelfTestStep[] = [];

  // 1) Replay.
  const k1 = randomUUID();
  const first = await send(k1, link("a"));
  const replay = ok(first) ? await send(k1, link("a")) : null;
  const replayed =
    replay !== null &&
    replay.status === first.status &&
    replay.resourceId === first.resourceId &&
    replay.resourceId !== null;
  steps.push({
    id: "replay",
    outcome: !ok(first) ? "fail" : replayed && replay?.echoedKey === k1 ? "pass" : "fail",
    requests: replay ? [first, replay] : [first],
    note: !ok(first)
      ? "first_failed"
      : !replayed
        ? "not_replayed"
        : replay?.echoedKey !== k1
          ? "key_not_echoed"
          : "replayed",
  });
  if (!ok(first)) {
    steps.push(
      { id: "concurrent", outcome: "skipped", requests: [], note: "skipped" },
      { id: "new_key", outcome: "skipped", requests: [], note: "skipped" },
    );
    return finish(actor, config, merchantAccount, steps);
  }

  // 2) Two at once with one key, then the retry a client should make after a 704.
  const k2 = randomUUID();
  const pair = await Promise.all([send(k2, link("b")), send(k2, link("b"))]);
  const conflicts = pair.filter((r) => r.errorCode === "704");
  const winners = pair.filter(ok);
  await sleep(deps.pauseMs ?? 500);
  const retry = await send(k2, link("b"));
  const sameAfter = winners.length === 1 && retry.resourceId === winners[0]?.resourceId;
  let concurrent: Pick<SelfTestStep, "outcome" | "note">;
  if (winners.length === 1 && conflicts.length === 1) {
    concurrent =
      conflicts[0]?.transient && sameAfter
        ? { outcome: "pass", note: "conflict_704" }
        : { outcome: "fail", note: conflicts[0]?.transient ? "retry_not_replayed" : "704_not_transient" };
  } else if (winners.length === 2) {
    concurrent =
      winners[0]?.resourceId === winners[1]?.resourceId
        ? { outcome: "inconclusive", note: "no_overlap" }
        : { outcome: "fail", note: "two_resources" };
  } else concurrent = { outcome: "fail", note: "unexpected" };
  steps.push({ id: "concurrent", ...concurrent, requests: [...pair, retry] });

  // 3) Same body as step 1, new key.
  const fresh = await send(randomUUID(), link("a"));
  steps.push({
    id: "new_key",
    outcome: !ok(fresh) ? "fail" : fresh.resourceId !== first.resourceId ? "pass" : "inconclusive",
    requests: [fresh],
    note: !ok(fresh) ? "failed" : fresh.resourceId !== first.resourceId ? "new_resource" : "same_resource",
  });

  await expireLinks(
    config,
    call,
    [first, ...winners, fresh].map((r) => r.resourceId),
  );
  return finish(actor, config, merchantAccount, steps);
}

/** Test links are tidied away; a failure here does not change the outcome. */
async function expireLinks(config: AdyenConfig, call: typeof callCheckoutTest, ids: (string | null)[]): Promise<void> {
  for (const id of new Set(ids.filter((x): x is string => x !== null))) {
    await call(config, `/paymentLinks/${encodeURIComponent(id)}`, {
      method: "PATCH",
      body: { status: "expired" },
    }).catch((err: unknown) => log.warn("idempotency.self_test_expire_failed", { linkId: id, ...errorFields(err) }));
  }
}

async function finish(
  actor: Actor,
  config: AdyenConfig,
  merchantAccount: string,
  steps: SelfTestStep[],
): Promise<SelfTestResult> {
  const outcomes = steps.map((s) => s.outcome);
  const outcome: Outcome = outcomes.includes("fail")
    ? "fail"
    : outcomes.includes("inconclusive") || outcomes.includes("skipped")
      ? "inconclusive"
      : "pass";
  const target = config.baseUrl ? new URL(config.baseUrl).host : new URL("https://checkout-test.adyen.com").host;
  const result: SelfTestResult = { ranAt: new Date().toISOString(), target, merchantAccount, outcome, steps };
  const value = JSON.parse(JSON.stringify(result)) as object;
  await db().$transaction(async (tx) => {
    await tx.appSetting.upsert({
      where: { key: LAST_SELF_TEST_SETTING },
      create: { key: LAST_SELF_TEST_SETTING, value },
      update: { value },
    });
    await recordAudit(tx, actor, {
      action: "idempotency.self_test",
      entityType: "adyen",
      entityId: target,
      after: { outcome, steps: steps.map((s) => [s.id, s.outcome]) },
    });
  });
  return result;
}

export async function lastSelfTest(actor: Actor): Promise<SelfTestResult | null> {
  assertCan(actor, "idempotency.read");
  const row = await db().appSetting.findUnique({ where: { key: LAST_SELF_TEST_SETTING } });
  return (row?.value as SelfTestResult | undefined) ?? null;
}
