// Sends a request body with XMLHttpRequest, because fetch cannot report upload progress. The server works while the
// bytes arrive, so after the last byte the caller shows "processing" until the answer comes.

export type SendProgress = { phase: "uploading"; fraction: number } | { phase: "processing" };

/** The answer's status and its JSON body (null when it is not JSON). Rejects only on network failure or abort. */
export function sendWithProgress(
  url: string,
  body: Blob,
  contentType: string,
  onProgress: (p: SendProgress) => void,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", contentType);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress({ phase: "uploading", fraction: e.loaded / e.total });
    };
    xhr.upload.onload = () => onProgress({ phase: "processing" });
    xhr.onload = () => resolve({ status: xhr.status, body: parseJson(xhr.responseText) });
    xhr.onerror = () => reject(new Error("network"));
    xhr.onabort = () => reject(new Error("aborted"));
    // A File, or a Blob of File parts, is read lazily: nothing is loaded into memory first.
    xhr.send(body);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
