// What the web process (or the CLI) and an analysis process say to each other. Messages travel over Node's IPC
// channel; the bytes of uploaded files over the child's stdin, as frames: a 4-byte length and that many bytes, a
// zero length ending a file.
import type { Actor } from "@/lib/auth/permissions";
import type { AnalysisKind } from "@/lib/idempotency/analyze";
import type { ReadLimits } from "@/lib/idempotency/input/read-file";
import type { AnalysisSummary } from "@/lib/idempotency/summary";

/** Where the child finds the traffic: files streamed over stdin, files on disk, or this dashboard's records. */
export type TaskInput =
  | { kind: "stream"; names: string[] }
  | { kind: "paths"; files: { name: string; path: string }[] }
  | { kind: "dashboard" };

export type Task = {
  analysisId: string;
  databaseUrl: string;
  actor: Actor;
  kind: AnalysisKind;
  source?: string;
  requestId?: string;
  input: TaskInput;
  limits: Omit<ReadLimits, "shouldStop">;
  /** [host, region] pairs standing for Adyen besides Adyen's own hosts. */
  extraHosts: [string, string][];
  merchantAccount?: string;
  maxEvidence: number;
};

export type ToChild = { type: "task"; task: Task } | { type: "stop"; seconds: number };

export type FromChild =
  | { type: "ready" }
  | { type: "progress"; bytes: number; entries: number }
  | { type: "done"; summary: AnalysisSummary; maxRssBytes: number }
  /** The traffic was refused (nothing stored): a message for the caller. */
  | { type: "refused"; message: string; reply: Record<string, unknown> }
  | { type: "failed"; message: string };

const END_OF_FILE = 0;
/** After the last file: without it, the stream was cut (the sender died) and nothing of it may count. */
const END_OF_INPUT = 0xffffffff;
/** The largest frame a sender writes; a longer length means a broken channel. */
export const MAX_FRAME = 16 * 1024 * 1024;

/** One frame of a file's bytes; an empty chunk ends the file. */
export function frame(chunk: Buffer): Buffer {
  const head = Buffer.allocUnsafe(4);
  head.writeUInt32BE(chunk.length === 0 ? END_OF_FILE : chunk.length, 0);
  return chunk.length === 0 ? head : Buffer.concat([head, chunk]);
}

export function endOfInput(): Buffer {
  const head = Buffer.allocUnsafe(4);
  head.writeUInt32BE(END_OF_INPUT, 0);
  return head;
}

class FrameReader {
  private buf: Buffer = Buffer.alloc(0);
  private readonly it: AsyncIterator<Buffer>;

  constructor(source: AsyncIterable<Buffer>) {
    this.it = source[Symbol.asyncIterator]();
  }

  private async fill(n: number): Promise<void> {
    while (this.buf.length < n) {
      const next = await this.it.next();
      if (next.done) throw new Error("the input ended before its last file (the sender stopped)");
      this.buf = this.buf.length === 0 ? next.value : Buffer.concat([this.buf, next.value]);
    }
  }

  /** A chunk of the current file, "file" at its end, "input" after the last file. */
  async next(): Promise<Buffer | "file" | "input"> {
    await this.fill(4);
    const length = this.buf.readUInt32BE(0);
    this.buf = this.buf.subarray(4);
    if (length === END_OF_FILE) return "file";
    if (length === END_OF_INPUT) return "input";
    if (length > MAX_FRAME) throw new Error(`a frame of ${length} bytes: the byte channel is broken`);
    await this.fill(length);
    const out = this.buf.subarray(0, length);
    this.buf = this.buf.subarray(length);
    return out;
  }
}

/**
 * Splits a framed stream back into files: one byte iterable per file, in order. What a reader leaves of its file
 * is skipped before the next one starts. Throws when the stream ends without its end-of-input mark.
 */
export async function* unframe(source: AsyncIterable<Buffer>): AsyncGenerator<AsyncIterable<Buffer>> {
  const frames = new FrameReader(source);
  let last: Buffer | "file" | "input" = await frames.next();
  while (last !== "input") {
    async function* file(): AsyncGenerator<Buffer> {
      while (typeof last !== "string") {
        const chunk: Buffer = last;
        last = await frames.next();
        yield chunk;
      }
    }
    yield file();
    while (typeof last !== "string") last = await frames.next();
    if (last === "file") last = await frames.next();
  }
}
