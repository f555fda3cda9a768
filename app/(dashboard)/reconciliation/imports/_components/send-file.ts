// Sends a CSV file as the raw request body, with upload progress.
import { sendWithProgress, type SendProgress } from "@/components/upload/send-with-progress";
import type { ImportKind } from "@/lib/reconciliation/imports/types";
import { readOutcome, type UploadOutcome } from "./upload-response";

export type { SendProgress };

export async function sendImportFile(
  file: File,
  kind: ImportKind,
  skipInvalid: boolean,
  onProgress: (p: SendProgress) => void,
): Promise<UploadOutcome> {
  const params = new URLSearchParams({ kind, fileName: file.name });
  if (skipInvalid) params.set("skipInvalid", "true");
  // The server parses while the bytes arrive; what remains after the last byte is the final batch and commit.
  const answer = await sendWithProgress(
    `/api/reconciliation/upload?${params.toString()}`,
    file,
    "text/csv",
    onProgress,
  );
  return readOutcome(answer.status, answer.body);
}
