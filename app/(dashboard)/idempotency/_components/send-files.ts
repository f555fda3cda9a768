// Sends the chosen files back to back as one request body with XMLHttpRequest (fetch cannot report upload
// progress); the browser streams them from disk, and the server analyses them while they arrive.
import { z } from "zod";
import { sendWithProgress, type SendProgress } from "@/components/upload/send-with-progress";

export type { SendProgress };

const problemSchema = z.object({
  file: z.string(),
  line: z.number().optional(),
  entry: z.number().optional(),
  code: z.string().optional(),
  params: z.record(z.string(), z.number()).optional(),
  message: z.string(),
});
type Problem = z.infer<typeof problemSchema>;

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
  problems: z.array(problemSchema),
});
export type UploadSummary = z.infer<typeof summarySchema>;

/** Dispatched on window with `true` when an upload starts and `false` when it ended: the list of analyses follows. */
export const UPLOAD_EVENT = "idempotency-upload";

export type SendOutcome =
  | { ok: true; summary: UploadSummary }
  | {
      ok: false;
      status: number;
      message: string;
      reason?: { code: string; params: Record<string, string | number> };
      problems?: Problem[];
    };

const errorSchema = z.object({
  error: z.object({
    message: z.string(),
    problems: z.array(problemSchema).optional(),
    reason: z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }).optional(),
  }),
});

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
  // The analysis runs while the bytes arrive (or, while another one runs, once its turn comes): the answer comes
  // when it has ended.
  window.dispatchEvent(new CustomEvent(UPLOAD_EVENT, { detail: true }));
  try {
    const answer = await sendWithProgress(
      `/api/idempotency/upload?${params.toString()}`,
      new Blob(files),
      "application/octet-stream",
      onProgress,
    );
    const ok = summarySchema.safeParse(answer.body);
    if (answer.status === 201 && ok.success) return { ok: true, summary: ok.data };
    const err = errorSchema.safeParse(answer.body);
    return err.success
      ? {
          ok: false,
          status: answer.status,
          message: err.data.error.message,
          reason: err.data.error.reason,
          problems: err.data.error.problems,
        }
      : { ok: false, status: answer.status, message: `HTTP ${answer.status}` };
  } finally {
    window.dispatchEvent(new CustomEvent(UPLOAD_EVENT, { detail: false }));
  }
}
