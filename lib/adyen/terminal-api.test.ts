import { describe, expect, it } from "vitest";
import { buildDiagnosisRequest, readDiagnosisOutcome } from "@/lib/adyen/terminal-api";
import { fixture } from "@/lib/adyen/test-support";

const withStatus = (GlobalStatus: string) => ({
  SaleToPOIResponse: { DiagnosisResponse: { Response: { Result: "Success" }, POIStatus: { GlobalStatus } } },
});

describe("readDiagnosisOutcome", () => {
  it("reads POIStatus.GlobalStatus from Adyen's diagnosis fixture", () => {
    expect(
      readDiagnosisOutcome({ SaleToPOIResponse: fixture("terminal-api/java-sale-to-poi-response-diagnosis.json") }),
    ).toEqual({ state: "OK" });
    for (const state of ["Busy", "Maintenance", "Unreachable"])
      expect(readDiagnosisOutcome(withStatus(state)).state).toBe(state);
  });

  it("treats an EventNotification Reject as an unreachable terminal", () => {
    const outcome = readDiagnosisOutcome(fixture("cloud-device/node-payment-async-error.json"));
    expect(outcome.state).toBe("Unreachable");
    expect(outcome.detail).toContain("Did+not+receive");
  });

  it("treats ErrorCondition UnreachableHost as an unreachable terminal", () => {
    expect(readDiagnosisOutcome(fixture("cloud-device/node-payment-sync-error.json")).state).toBe("Unreachable");
    const diagnosis = {
      SaleToPOIResponse: { DiagnosisResponse: { Response: { Result: "Failure", ErrorCondition: "UnreachableHost" } } },
    };
    expect(readDiagnosisOutcome(diagnosis).state).toBe("Unreachable");
  });

  it("says unknown for anything else, without throwing", () => {
    for (const answer of [
      undefined,
      null,
      "",
      "ok",
      {},
      withStatus("Sleeping"),
      { SaleToPOIResponse: { DiagnosisResponse: { Response: { Result: "Failure", ErrorCondition: "Busy" } } } },
    ]) {
      expect(readDiagnosisOutcome(answer).state).toBe("unknown");
    }
  });
});

describe("buildDiagnosisRequest", () => {
  it("asks the terminal only (HostDiagnosisFlag false) with a fresh 10-character ServiceID", () => {
    const a = buildDiagnosisRequest({ poiId: "V400m-1", saleId: "ops" });
    const b = buildDiagnosisRequest({ poiId: "V400m-1", saleId: "ops" });
    expect(a.SaleToPOIRequest.DiagnosisRequest).toEqual({ HostDiagnosisFlag: false });
    expect(a.SaleToPOIRequest.MessageHeader.ServiceID).toHaveLength(10);
    expect(a.SaleToPOIRequest.MessageHeader.ServiceID).not.toBe(b.SaleToPOIRequest.MessageHeader.ServiceID);
    expect(
      buildDiagnosisRequest({ poiId: "P", saleId: "S", serviceId: "X1" }).SaleToPOIRequest.MessageHeader.ServiceID,
    ).toBe("X1");
  });
});
