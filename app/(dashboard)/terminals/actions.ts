"use server";
import { revalidatePath } from "next/cache";
import { requireAction } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { requestTerminalSync, setStandalone, type StandaloneChange } from "@/lib/runbook";

export async function syncNowAction(): Promise<ActionResult<undefined>> {
  return runAction("terminals.sync", async () => {
    await requestTerminalSync(await requireAction("terminals.sync"));
    revalidatePath("/terminals");
    return undefined;
  });
}

export async function setStandaloneAction(input: unknown): Promise<ActionResult<StandaloneChange>> {
  return runAction("terminals.standalone", async () => {
    const change = await setStandalone(await requireAction("terminals.standalone.write"), input);
    revalidatePath("/terminals");
    revalidatePath("/runbook", "layout");
    return change;
  });
}
