"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAction } from "@/lib/auth/session";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { expiryFromDuration } from "@/lib/auth/token-expiry";
import { createUser, setUserDisabled } from "@/lib/auth/users";
import { runAction, type ActionResult } from "@/lib/http/action-result";

function storeList(form: FormData): string[] {
  return form.getAll("storeIds").map(String).filter(Boolean);
}

export async function createTokenAction(_prev: unknown, form: FormData): Promise<ActionResult<{ token: string }>> {
  return runAction("admin.createToken", async () => {
    const actor = await requireAction("tokens.manage");
    const { token } = await createApiToken(
      {
        name: String(form.get("name") ?? ""),
        role: String(form.get("role") ?? ""),
        storeIds: storeList(form),
        expiresAt: expiryFromDuration(String(form.get("expiresIn") ?? "")),
      },
      actor,
    );
    revalidatePath("/admin");
    return { token };
  });
}

export async function revokeTokenAction(id: string): Promise<ActionResult<undefined>> {
  return runAction("admin.revokeToken", async () => {
    const actor = await requireAction("tokens.manage");
    await revokeApiToken(z.uuid().parse(id), actor);
    revalidatePath("/admin");
    return undefined;
  });
}

export async function createUserAction(_prev: unknown, form: FormData): Promise<ActionResult<{ email: string }>> {
  return runAction("admin.createUser", async () => {
    const actor = await requireAction("users.manage");
    const user = await createUser(
      {
        email: String(form.get("email") ?? ""),
        name: String(form.get("name") ?? "") || undefined,
        role: String(form.get("role") ?? ""),
        password: String(form.get("password") ?? ""),
        storeIds: storeList(form),
      },
      actor,
    );
    revalidatePath("/admin");
    return { email: user.email };
  });
}

export async function setUserDisabledAction(id: string, disabled: boolean): Promise<ActionResult<undefined>> {
  return runAction("admin.setUserDisabled", async () => {
    const actor = await requireAction("users.manage");
    await setUserDisabled(actor, { userId: id, disabled });
    revalidatePath("/admin");
    return undefined;
  });
}
