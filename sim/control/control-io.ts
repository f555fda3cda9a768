// Body parsing and error replies shared by the control API handlers.
import type { z } from "zod";
import { jsonReply, type Reply } from "../http/reply";

export function controlError(
  status: number,
  message: string,
  issues?: readonly { path: string; message: string }[],
): Reply {
  return jsonReply(status, { error: { message, ...(issues ? { issues } : {}) } });
}

export function parseControlBody<S extends z.ZodType>(
  raw: string,
  schema: S,
): { ok: true; value: z.output<S> } | { ok: false; reply: Reply } {
  let body: unknown = {};
  if (raw.trim() !== "") {
    try {
      body = JSON.parse(raw);
    } catch {
      return { ok: false, reply: controlError(400, "body is not valid JSON") };
    }
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join(".") || "body", message: i.message }));
  return {
    ok: false,
    reply: controlError(400, `invalid body: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues),
  };
}
