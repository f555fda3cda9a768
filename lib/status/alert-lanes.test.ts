// One delivery queue per alert endpoint, through the real job queue: an endpoint that takes every request and never
// answers holds up its own deliveries only; another endpoint's alert goes out meanwhile.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { setEnvForTests } from "@/lib/env";
import { registerJob, startJobWorkers, stopJobs } from "@/lib/jobs/queue";
import { withTestDatabase } from "@/lib/testing/database";
import { alertDeliveryJob, queueDeliveries } from "./jobs";

withTestDatabase({ beforeDrop: stopJobs });

async function listen(handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` };
}

let dead: Awaited<ReturnType<typeof listen>>;
let alive: Awaited<ReturnType<typeof listen>>;
let deadCalls = 0;
const delivered: string[] = [];

beforeAll(async () => {
  setEnvForTests({ LOG_LEVEL: "silent", ALERT_ALLOW_PRIVATE_TARGETS: "true" });
  // Takes the request and never answers (each attempt then waits out its 10 s deadline).
  dead = await listen((req) => {
    deadCalls++;
    req.resume();
  });
  alive = await listen((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      delivered.push((JSON.parse(body) as { text: string }).text);
      res.end("ok");
    });
  });
  registerJob(alertDeliveryJob);
});
afterAll(async () => {
  await stopJobs();
  for (const s of [dead, alive]) {
    s.server.closeAllConnections();
    await new Promise((resolve) => s.server.close(resolve));
  }
});

describe("alert deliveries", () => {
  it("to a dead endpoint delay no other endpoint's", async () => {
    const deadEndpoint = await db().alertEndpoint.create({ data: { name: "dead", url: dead.url, createdBy: "t" } });
    const aliveEndpoint = await db().alertEndpoint.create({ data: { name: "alive", url: alive.url, createdBy: "t" } });
    const delivery = (endpointId: string, text: string) =>
      db().alertDelivery.create({ data: { endpointId, payload: { text }, status: "pending" } });
    // The dead endpoint's messages were queued first: in one shared queue they would all be tried before.
    const ids = [];
    for (let i = 1; i <= 3; i++) ids.push((await delivery(deadEndpoint.id, `to the dead one #${i}`)).id);
    ids.push((await delivery(aliveEndpoint.id, "to the live one")).id);
    await startJobWorkers();
    await queueDeliveries(ids);

    await vi.waitFor(() => expect(delivered).toEqual(["to the live one"]), { timeout: 20_000, interval: 200 });
    // The dead endpoint is still holding its first attempt meanwhile.
    expect(deadCalls).toBe(1);
    const live = await db().alertDelivery.findUniqueOrThrow({ where: { id: ids[3] } });
    expect(live).toMatchObject({ status: "delivered", attempts: 1 });
  }, 40_000);
});
