// The analysis process: `node --import tsx lib/idempotency/runner/child.ts`, started by process.ts for one
// analysis. It takes its task over IPC, reads the traffic (stdin frames, files, or this dashboard's records),
// writes the results to PostgreSQL, reports progress, answers with the summary and exits. Whatever the traffic does
// to it (out of memory, a crash, a time-out), only this process ends.
import { createReadStream } from "node:fs";
import type { AnalysisSummary } from "@/lib/idempotency/summary";
import { allowForcedCollection } from "@/lib/idempotency/heap-guard";
import { lowerPriority } from "@/lib/idempotency/runner/priority";
import { unframe, type FromChild, type Task, type ToChild } from "@/lib/idempotency/runner/protocol";

lowerPriority();
// This process only analyses: forced collections keep its memory flat and stop nothing else.
allowForcedCollection();

const send = (m: FromChild): Promise<void> =>
  new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(m, undefined, {}, () => resolve());
  });

let stopAfter: number | null = null;

async function run(task: Task): Promise<void> {
  // Loaded after the priority is lowered and the task arrived: the threads they start inherit it.
  const [{ setDatabaseUrl, disconnectDb }, { logToStderr, log, errorFields }, analyze, pg, inputs, { isAppError }] =
    await Promise.all([
      import("@/lib/db"),
      import("@/lib/log"),
      import("@/lib/idempotency/analyze"),
      import("@/lib/idempotency/pg"),
      import("@/lib/idempotency/dashboard-inputs"),
      import("@/lib/errors"),
    ]);
  logToStderr();
  setDatabaseUrl(task.databaseUrl);
  let live: { reads: { contentBytes: number }[]; analyzer: { entries: number } } | null = null;
  const progress = setInterval(() => {
    if (!live) return;
    const bytes = live.reads.reduce((a, r) => a + r.contentBytes, 0);
    void send({ type: "progress", bytes, entries: live.analyzer.entries });
  }, 1000);
  progress.unref();
  try {
    const summary: AnalysisSummary = await analyze.runAnalysis(task.analysisId, task.actor, trafficOf(task, inputs), {
      kind: task.kind,
      source: task.source,
      requestId: task.requestId,
      limits: {
        ...task.limits,
        shouldStop: () => (stopAfter === null ? null : { code: "time_limit", params: { seconds: stopAfter } }),
      },
      extraHosts: new Map(task.extraHosts),
      merchantAccount: task.merchantAccount,
      maxEvidence: task.maxEvidence,
      live: (state) => (live = state),
    });
    await send({ type: "done", summary, maxRssBytes: process.resourceUsage().maxRSS * 1024 });
  } catch (err) {
    if (isAppError(err) && err.status < 500) {
      await send({ type: "refused", message: err.message, reply: err.details?.reply ?? {} });
    } else {
      log.error("idempotency.analysis_failed", { analysisId: task.analysisId, ...errorFields(err) });
      await send({ type: "failed", message: err instanceof Error ? err.message : String(err) });
    }
  } finally {
    clearInterval(progress);
    await Promise.allSettled([disconnectDb(), pg.closeIdempotencyPool()]);
  }
}

function trafficOf(
  task: Task,
  inputs: typeof import("@/lib/idempotency/dashboard-inputs"),
):
  | AsyncIterable<import("@/lib/idempotency/analyze").TrafficInput>
  | Iterable<import("@/lib/idempotency/analyze").TrafficInput> {
  const input = task.input;
  if (input.kind === "dashboard") return inputs.dashboardInputs();
  if (input.kind === "paths") {
    return input.files.map((f) => ({ name: f.name, bytes: createReadStream(f.path, { highWaterMark: 1024 * 1024 }) }));
  }
  const names = input.names;
  return (async function* () {
    let n = 0;
    for await (const bytes of unframe(process.stdin)) yield { name: names[n++] ?? `file ${n}`, bytes };
  })();
}

process.on("message", (m: ToChild) => {
  if (m.type === "stop") stopAfter = m.seconds;
  else if (m.type === "task") void run(m.task).finally(() => process.exit(0));
});
// The parent is gone (the server stopped or crashed): nobody waits for this analysis any more.
process.on("disconnect", () => process.exit(1));
void send({ type: "ready" });
