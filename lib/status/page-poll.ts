// Reads the configured status page (Adyen's by default) and keeps what it said.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_STATUS_URL, readStatusPage, type PageResult } from "./provider/read-page";

export function statusPageUrl(): string {
  return env().ADYEN_STATUS_URL ?? DEFAULT_STATUS_URL;
}

const json = (v: unknown) => v as Prisma.InputJsonValue;

export async function pollStatusPage(now = new Date()): Promise<PageResult> {
  const url = statusPageUrl();
  const reading = await readStatusPage(url, { now });
  await db().statusProviderSnapshot.create({
    data: {
      fetchedAt: now,
      url,
      format: reading.format,
      state: reading.state,
      paymentsState: reading.paymentsState,
      indicator: reading.indicator,
      description: reading.description,
      reason: reading.reason,
      latencyMs: reading.latencyMs,
      components: json(reading.components),
      incidents: json(reading.incidents),
      maintenances: json(reading.maintenances),
    },
  });
  return reading;
}
