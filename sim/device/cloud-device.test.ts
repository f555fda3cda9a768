import { describe, expect, it } from "vitest";
import { DEMO_STORE_IDS } from "../catalog";
import { contractErrors, readFixture } from "../test-support/contracts";
import { simPerSuite } from "../test-support/sim-per-suite";

const PROBE = "V400m-346403294";

function diagnosisRequest(poiId: string) {
  return {
    SaleToPOIRequest: {
      MessageHeader: {
        ProtocolVersion: "3.0",
        MessageClass: "Service",
        MessageCategory: "Diagnosis",
        MessageType: "Request",
        ServiceID: "0207111617",
        SaleID: "POSSystemID12345",
        POIID: poiId,
      },
      DiagnosisRequest: { HostDiagnosisFlag: false },
    },
  };
}

type SyncAnswer = {
  SaleToPOIResponse?: {
    MessageHeader: Record<string, string>;
    DiagnosisResponse: { Response: Record<string, string>; POIStatus?: { GlobalStatus: string } };
  };
  SaleToPOIRequest?: { EventNotification: { EventToNotify: string }; MessageHeader: Record<string, string> };
};

describe("Cloud device API and Terminal API over the cloud", () => {
  const t = simPerSuite();
  const status = (id: string) =>
    t.api<{ deviceId: string; status: string }>("GET", `/v1/merchants/${t.sim.merchantAccount}/devices/${id}/status`);
  const connected = (store?: string) =>
    t.api<{ uniqueDeviceIds: string[] }>(
      "GET",
      `/v1/merchants/${t.sim.merchantAccount}/connectedDevices${store ? `?store=${store}` : ""}`,
    );

  it("reports boarded terminals ONLINE and inventory terminals OFFLINE", async () => {
    const online = await status(PROBE);
    expect(online.body).toEqual({ deviceId: PROBE, status: "ONLINE" });
    expect(contractErrors("CloudDeviceService-v1", "DeviceStatusResponse", online.body)).toEqual([]);
    expect((await status("V400m-606474687")).body.status).toBe("OFFLINE");
    expect((await status("S1E-000134874016400")).body.status).toBe("OFFLINE"); // deployed, not boarded
  });

  it("goes OFFLINE during an outage injected for the terminal or its store", async () => {
    await t.control("POST", "/_sim/outages", { terminalId: PROBE, active: true });
    expect((await status(PROBE)).body.status).toBe("OFFLINE");
    expect((await status("V400m-388496965")).body.status).toBe("ONLINE");
    await t.control("POST", "/_sim/outages", { terminalId: PROBE, active: false });
    expect((await status(PROBE)).body.status).toBe("ONLINE");

    const before = await connected(DEMO_STORE_IDS.BERLIN);
    expect(contractErrors("CloudDeviceService-v1", "ConnectedDevicesResponse", before.body)).toEqual([]);
    expect(before.body.uniqueDeviceIds).toContain(PROBE);
    await t.control("POST", "/_sim/outages", { storeId: DEMO_STORE_IDS.BERLIN, active: true });
    expect((await status(PROBE)).body.status).toBe("OFFLINE");
    expect((await connected(DEMO_STORE_IDS.BERLIN)).body.uniqueDeviceIds).toEqual([]);
    expect((await connected(DEMO_STORE_IDS.HAMBURG)).body.uniqueDeviceIds.length).toBeGreaterThan(0);
  });

  it("answers 403 for another merchant account", async () => {
    const res = await t.api("GET", `/v1/merchants/OtherMerchant/devices/${PROBE}/status`);
    expect(res.status).toBe(403);
    expect(contractErrors("CloudDeviceService-v1", "DefaultErrorResponseEntity", res.body)).toEqual([]);
  });

  it("answers a DiagnosisRequest on /sync with GlobalStatus OK, shaped like Adyen's fixture", async () => {
    const res = await t.api<SyncAnswer>("POST", "/sync", diagnosisRequest(PROBE));
    expect(res.status).toBe(200);
    const response = res.body.SaleToPOIResponse;
    const fixture = readFixture("terminal-api/java-sale-to-poi-response-diagnosis.json") as {
      MessageHeader: Record<string, string>;
    };
    expect(Object.keys(response?.MessageHeader ?? {}).sort()).toEqual(Object.keys(fixture.MessageHeader).sort());
    expect(response?.MessageHeader).toMatchObject({
      MessageCategory: "Diagnosis",
      MessageType: "Response",
      POIID: PROBE,
      ServiceID: "0207111617",
    });
    expect(response?.DiagnosisResponse.Response["Result"]).toBe("Success");
    expect(response?.DiagnosisResponse.POIStatus?.GlobalStatus).toBe("OK");

    const viaDeviceApi = await t.api<SyncAnswer>(
      "POST",
      `/v1/merchants/${t.sim.merchantAccount}/devices/${PROBE}/sync`,
      diagnosisRequest(PROBE),
    );
    expect(viaDeviceApi.body.SaleToPOIResponse?.DiagnosisResponse.POIStatus?.GlobalStatus).toBe("OK");
  });

  it("answers UnreachableHost during an outage, or an EventNotification Reject in reject mode", async () => {
    await t.control("POST", "/_sim/outages", { all: true, active: true });
    const unreachable = await t.api<SyncAnswer>("POST", "/sync", diagnosisRequest(PROBE));
    expect(unreachable.status).toBe(200);
    expect(unreachable.body.SaleToPOIResponse?.DiagnosisResponse.Response).toMatchObject({
      Result: "Failure",
      ErrorCondition: "UnreachableHost",
    });

    await t.control("POST", "/_sim/outages", { terminalId: PROBE, active: true, mode: "reject" });
    const rejected = await t.api<SyncAnswer>("POST", "/sync", diagnosisRequest(PROBE));
    expect(rejected.body.SaleToPOIRequest?.EventNotification.EventToNotify).toBe("Reject");
    expect(rejected.body.SaleToPOIRequest?.MessageHeader).toMatchObject({
      MessageCategory: "Event",
      MessageType: "Notification",
      POIID: PROBE,
    });
  });

  it("treats unknown or unboarded terminals as unreachable", async () => {
    const res = await t.api<SyncAnswer>("POST", "/sync", diagnosisRequest("V400m-606474687"));
    expect(res.body.SaleToPOIResponse?.DiagnosisResponse.Response["ErrorCondition"]).toBe("UnreachableHost");
  });
});
