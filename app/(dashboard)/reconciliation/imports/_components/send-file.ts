// Sends a file as the raw request body with XMLHttpRequest, because fetch cannot report upload progress.
import type { ImportKind } from "@/lib/reconciliation/imports/types";
import { readOutcome, type UploadOutcome } from "./upload-response";

export type SendProgress = { phase: "uploading"; fraction: number } | { phase: "processing" };

export function sendImportFile(
  file: File,
  kind: ImportKind,
  skipInvalid: boolean,
  onProgress: (p: SendProgress) => void,
): Promise<UploadOutcome> {
  const params = new URLSearchParams({ kind, fileName: file.name });
  if (skipInvalid) params.set("skipInvalid", "true");
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/reconciliation/upload?${params.toString()}`);
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress({ phase: "uploading", fraction: e.loaded / e.total });
    };
    // The server parses while the bytes arrive; what remains after the last byte is the final batch and commit.
    xhr.upload.onload = () => onProgress({ phase: "processing" });
    xhr.onload = () => resolve(readOutcome(xhr.status, parseJson(xhr.responseText)));
    xhr.onerror = () => reject(new Error("network"));
    xhr.onabort = () => reject(new Error("aborted"));
    xhr.send(file);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
