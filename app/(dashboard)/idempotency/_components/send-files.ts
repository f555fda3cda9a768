// Sends the chosen files back to back as one request body with XMLHttpRequest (fetch cannot report upload
// progress); the browser streams them from disk, and the server analyses them while they arrive.
import { z } from "zod";
import { sendWithProgress, type SendProgress } from "@/components/upload/send-with-progress";

export type { SendProgress };

const summarySchema = z.object({
  id: z.string(),
  files: z.number(),
  entries: z.number(),
  adyenRequests: z.number(),
  chains: z.number(),
  findings: z.record(z.string(), z.number()),
  readiness: z.object({
    overall: z.number(),
    verdict: z.enum(["ready", "not ready", "no traffic"]),
    requests: z.number(),
  }),
  complete: z.boolean(),
  problems: z.array(
    z.object({
      file: z.string(),
      line: z.number().optional(),
      entry: z.number().optional(),
      code: z.string().optional(),
      params: z.record(z.string(), z.number()).optional(),
      message: z.string(),
    }),
  ),
});
export type UploadSummary = z.infer<typeof summarySchema>;

export type SendOutcome = { ok: true; summary: UploadSummary } | { ok: false; status: number; message: string };

const errorSchema = z.object({ error: z.object({ message: z.string() }) });

export async function sendFiles(
  files: File[],
  source: string,
  onProgress: (p: SendProgress) => void,
): Promise<SendOutcome> {
  const params = new URLSearchParams();
  if (source) params.set("source", source);
  for (const f of files) {
    params.append("name", f.name);
    params.append("size", String(f.size));
  }
  // The analysis runs while the bytes arrive; what remains after the last byte is the final write.
  const answer = await sendWithProgress(
    `/api/idempotency/upload?${params.toString()}`,
    new Blob(files),
    "application/octet-stream",
    onProgress,
  );
  const ok = summarySchema.safeParse(answer.body);
  if (answer.status === 201 && ok.success) return { ok: true, summary: ok.data };
  const err = errorSchema.safeParse(answer.body);
  return { ok: false, status: answer.status, message: err.success ? err.data.error.message : `HTTP ${answer.status}` };
}
