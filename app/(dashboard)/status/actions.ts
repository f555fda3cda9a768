"use server";
// Status panel server actions: maintenance windows (admins, store managers for their stores) and alert endpoints
// (admins). Each checks its action itself; the services check again.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAction } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import {
  cancelMaintenanceWindow,
  createAlertEndpoint,
  createMaintenanceWindow,
  createTestAlert,
  deleteAlertEndpoint,
  queueDeliveries,
} from "@/lib/status";

const text = (form: FormData, key: string) => String(form.get(key) ?? "");

export async function createMaintenanceAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction("status.createMaintenance", async () => {
    const storeId = text(form, "storeId");
    const actor = await requireAction("status.maintenance.write", { storeId });
    const w = await createMaintenanceWindow(actor, {
      storeId,
      startsAt: text(form, "startsAt"),
      endsAt: text(form, "endsAt"),
      reason: text(form, "reason"),
    });
    revalidatePath("/status");
    return { id: w.id };
  });
}

export async function cancelMaintenanceAction(id: string): Promise<ActionResult<undefined>> {
  return runAction("status.cancelMaintenance", async () => {
    const actor = await requireAction("status.maintenance.write");
    await cancelMaintenanceWindow(actor, z.uuid().parse(id));
    revalidatePath("/status");
    return undefined;
  });
}

export async function createAlertEndpointAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction("status.createAlertEndpoint", async () => {
    const actor = await requireAction("status.alerts.manage");
    const e = await createAlertEndpoint(actor, {
      name: text(form, "name"),
      url: text(form, "url"),
      secret: text(form, "secret"),
    });
    revalidatePath("/status");
    return { id: e.id };
  });
}

export async function deleteAlertEndpointAction(id: string): Promise<ActionResult<undefined>> {
  return runAction("status.deleteAlertEndpoint", async () => {
    const actor = await requireAction("status.alerts.manage");
    await deleteAlertEndpoint(actor, z.uuid().parse(id));
    revalidatePath("/status");
    return undefined;
  });
}

export async function sendTestAlertAction(id: string): Promise<ActionResult<undefined>> {
  return runAction("status.sendTestAlert", async () => {
    const actor = await requireAction("status.alerts.manage");
    await queueDeliveries([await createTestAlert(actor, z.uuid().parse(id))]);
    revalidatePath("/status");
    return undefined;
  });
}
