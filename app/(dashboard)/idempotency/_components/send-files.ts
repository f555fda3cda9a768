// Sends the chosen files back to back as one request body with XMLHttpRequest (fetch cannot report upload
// progress); the browser streams them from disk, and the server analyses them while they arrive.
import { z } from "zod";

export type SendProgress = { phase: "uploading"; fraction: number } | { phase: "processing" };

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
  problems: z.array(z.object({ file: z.string(), message: z.string() })),
});
export type UploadSummary = z.infer<typeof summarySchema>;

export type SendOutcome = { ok: true; summary: UploadSummary } | { ok: false; status: number; message: string };

const errorSchema = z.object({ error: z.object({ message: z.string() }) });

export function sendFiles(files: File[], source: string, onProgress: (p: SendProgress) => void): Promise<SendOutcome> {
  const params = new URLSearchParams();
  if (source) params.set("source", source);
  for (const f of files) {
    params.append("name", f.name);
    params.append("size", String(f.size));
  }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/idempotency/upload?${params.toString()}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress({ phase: "uploading", fraction: e.loaded / e.total });
    };
    // The analysis runs while the bytes arrive; what remains after the last byte is the final write.
    xhr.upload.onload = () => onProgress({ phase: "processing" });
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText) as unknown;
      } catch {
        body = null;
      }
      const ok = summarySchema.safeParse(body);
      if (xhr.status === 201 && ok.success) return resolve({ ok: true, summary: ok.data });
      const err = errorSchema.safeParse(body);
      resolve({ ok: false, status: xhr.status, message: err.success ? err.data.error.message : `HTTP ${xhr.status}` });
    };
    xhr.onerror = () => reject(new Error("network"));
    xhr.onabort = () => reject(new Error("aborted"));
    // A Blob of File parts is read lazily: nothing is loaded into memory first.
    xhr.send(new Blob(files));
  });
}
