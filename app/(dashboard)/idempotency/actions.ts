"use server";
// The checker's buttons: the self-test and the audit of this dashboard's own calls. Thin: role, lib, refresh.
import { revalidatePath } from "next/cache";
import { requireAction } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { analyzeDashboard, runSelfTest, type SelfTestResult } from "@/lib/idempotency";

export async function runSelfTestAction(): Promise<ActionResult<SelfTestResult>> {
  return runAction("idempotency.self_test", async () => {
    const actor = await requireAction("idempotency.self_test");
    return runSelfTest(actor);
  });
}

export async function auditDashboardAction(): Promise<ActionResult<{ id: string }>> {
  return runAction("idempotency.audit", async () => {
    const actor = await requireAction("idempotency.analyze");
    const summary = await analyzeDashboard(actor);
    revalidatePath("/idempotency");
    return { id: summary.id };
  });
}
