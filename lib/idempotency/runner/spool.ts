// Where an upload waits for its turn: its files on disk under DATA_DIR/idempotency-spool/<pid>/<analysis>/, so the
// request can be read to its end (and the uploader's progress bar too) while another analysis runs. Bounded by
// IDEMPOTENCY_SPOOL_MB for all waiting uploads of this process together, and deleted as soon as the analysis
// ended. A process that died left its folder behind: the next one to start here removes it.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import { finished } from "node:stream/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const MB = 1024 * 1024;
let spooledBytes = 0;

function root(): string {
  return path.resolve(env().DATA_DIR, "idempotency-spool");
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Removes what processes that no longer run left in the spool (called when this process's queue starts). */
export async function removeStaleSpools(): Promise<void> {
  const names = await readdir(root()).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(name);
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) {
      await rm(path.join(root(), name), { recursive: true, force: true });
    }
  }
}

export type Spooled = { files: { name: string; path: string }[]; remove: () => Promise<void> };

/** Writes the files to disk as they arrive; refuses (503) past the spool's limit, stops when `signal` aborts. */
export async function spoolFiles(
  analysisId: string,
  files: AsyncIterable<{ name: string; bytes: AsyncIterable<Buffer> }>,
  signal: AbortSignal,
): Promise<Spooled> {
  const limit = env().IDEMPOTENCY_SPOOL_MB * MB;
  const dir = path.join(root(), String(process.pid), analysisId);
  let mine = 0;
  const remove = async () => {
    spooledBytes -= mine;
    mine = 0;
    await rm(dir, { recursive: true, force: true });
  };
  const out: { name: string; path: string }[] = [];
  try {
    await mkdir(dir, { recursive: true });
    for await (const f of files) {
      const file = path.join(dir, String(out.length));
      out.push({ name: f.name, path: file });
      const sink = createWriteStream(file);
      try {
        for await (const chunk of f.bytes) {
          signal.throwIfAborted();
          if (spooledBytes + chunk.length > limit) {
            throw new AppError(
              "UNAVAILABLE",
              `The checker is busy: uploads waiting for their turn already hold ${Math.round(spooledBytes / MB)} MB (IDEMPOTENCY_SPOOL_MB). Try again once they are analysed.`,
            );
          }
          spooledBytes += chunk.length;
          mine += chunk.length;
          if (!sink.write(chunk)) await once(sink, "drain");
        }
      } finally {
        sink.end();
        await finished(sink).catch(() => undefined);
      }
    }
    return { files: out, remove };
  } catch (err) {
    await remove();
    throw err;
  }
}
