// Alert deliveries to a real local HTTP endpoint: the Slack/Teams-compatible body, the signature, retries until
// the endpoint accepts, and a delivery that keeps failing marked failed for the admin to see.
import { createHmac } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { localServerForSuite } from "@/lib/adyen/test-support";
import { withTestDatabase } from "@/lib/testing/database";
import { DEMO_STORE_IDS } from "@/sim/catalog";
import { createAlertEndpoint, listAlertSetup } from "./alert-config";
import { alertMessages, deliverAlert, isAlertable, MAX_ATTEMPTS, SUMMARY_AFTER } from "./alerts";
import { runProbeCycle } from "./run-probes";
import { clearStatus, seedStoresAndTerminals, simForSuite } from "./test-support";

withTestDatabase();
const sim = simForSuite();
const hook = localServerForSuite();

async function outageDeliveries(): Promise<string[]> {
  await runProbeCycle();
  await runProbeCycle();
  await sim().control("POST", "/_sim/outages", { storeId: DEMO_STORE_IDS.BERLIN, active: true });
  await runProbeCycle();
  return (await runProbeCycle()).deliveryIds;
}

describe("alerts", () => {
  beforeAll(seedStoresAndTerminals);
  beforeEach(clearStatus);

  it("posts one signed message per change, with a text field and the runbook link", async () => {
    await createAlertEndpoint("system", { name: "Slack", url: `${hook().url}/hook`, secret: "s3cret" });
    const [id, ...rest] = await outageDeliveries();
    expect(rest).toEqual([]);
    expect(await deliverAlert(id as string)).toBe("delivered");
    const req = hook().requests[0];
    const body = JSON.parse(req?.body ?? "{}") as Record<string, unknown>;
    expect(body).toMatchObject({
      event: "status.changed",
      storeId: DEMO_STORE_IDS.BERLIN,
      name: "Berlin Mitte",
      from: "operational",
      to: "outage",
      runbookUrl: expect.stringMatching(new RegExp(`/runbook/${DEMO_STORE_IDS.BERLIN}$`)),
    });
    expect(body["text"]).toMatch(
      /^\[Merchant Ops\] Berlin Mitte: OUTAGE \(was operational\) - all 9 terminals not connected/,
    );
    const expected = `sha256=${createHmac("sha256", "s3cret")
      .update(req?.body ?? "")
      .digest("hex")}`;
    expect(req?.headers["x-signature"]).toBe(expected);
  });

  it("retries a failing endpoint and shows every attempt, then gives up visibly", async () => {
    await createAlertEndpoint("system", { name: "Teams", url: `${hook().url}/hook` });
    const [first, second] = await (async () => {
      const ids = await outageDeliveries();
      await sim().control("POST", "/_sim/outages", { storeId: DEMO_STORE_IDS.BERLIN, active: false });
      await runProbeCycle();
      return [...ids, ...(await runProbeCycle()).deliveryIds];
    })();
    hook().reply({ status: 500 }, { status: 502 }, { status: 204 });
    expect(await deliverAlert(first as string)).toBe("retry");
    expect(await deliverAlert(first as string)).toBe("retry");
    expect(await deliverAlert(first as string)).toBe("delivered");
    hook().reply({ status: 503 });
    for (let i = 1; i < MAX_ATTEMPTS; i++) expect(await deliverAlert(second as string)).toBe("retry");
    expect(await deliverAlert(second as string)).toBe("failed");
    const { deliveries } = await listAlertSetup("system");
    expect(deliveries.map((d) => [d.status, d.attempts, d.lastError])).toEqual([
      ["failed", MAX_ATTEMPTS, "HTTP 503"],
      ["delivered", 3, null],
    ]);
  });

  it("rejects an endpoint that is not an http(s) URL", async () => {
    await expect(createAlertEndpoint("system", { name: "x", url: "ftp://example.com" })).rejects.toThrow(
      /http\(s\) URL/,
    );
    expect(await db().alertEndpoint.count()).toBe(0);
  });

  it("sends nothing for maintenance or unknown, and sums up a burst", () => {
    expect(isAlertable("operational", "maintenance")).toBe(false);
    expect(isAlertable("maintenance", "operational")).toBe(false);
    expect(isAlertable("unknown", "operational")).toBe(false);
    expect(isAlertable("maintenance", "outage")).toBe(true);
    const burst = Array.from({ length: SUMMARY_AFTER + 5 }, (_, i) => ({
      id: BigInt(i + 1),
      subject: `store:S${i}`,
      storeId: `S${i}`,
      name: `Store ${i}`,
      from: "operational" as const,
      to: "outage" as const,
      at: new Date(),
      reason: "all terminals not connected",
    }));
    const messages = alertMessages(burst);
    expect(messages).toHaveLength(1);
    expect(String(messages[0]?.payload["text"])).toMatch(/^\[Merchant Ops\] 15 status changes:/);
    expect(messages[0]?.payload["changes"]).toHaveLength(15);
  });
});
