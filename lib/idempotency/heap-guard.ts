// Keeps an analysis within its memory budget whatever the size of its input. Its live set stays small (about
// 50 MB: open chains, recent keys, one write batch), but V8 grows the old generation lazily and let the heap
// float to three times that before collecting. A full collection whenever the heap has grown by `slack` since
// the last one bounds it; with a steady live set that is one collection per few hundred thousand requests.
// A forced full collection stops everything else in its process, so only processes that do nothing but analyse
// allow it (the analysis process, runner/child.ts): the web process, which answers Adyen's webhooks within
// their deadline, never forces one and lets V8 collect on its own.
import v8 from "node:v8";
import vm from "node:vm";

const g = globalThis as unknown as { __opsForcedCollection?: boolean };
let collect: (() => void) | null | undefined;

/** Called by the entry point of a process that only analyses; nothing in the app server calls it. */
export function allowForcedCollection(): void {
  g.__opsForcedCollection = true;
}

function collector(): (() => void) | null {
  if (!g.__opsForcedCollection) return null;
  if (collect === undefined) {
    try {
      // The documented way to reach V8's collector without starting Node with --expose-gc.
      v8.setFlagsFromString("--expose-gc");
      collect = vm.runInNewContext("gc") as () => void;
    } catch {
      collect = null;
    }
  }
  return collect;
}

// V8's own figure; process.memoryUsage() also reads the resident set size from /proc, which costs far more.
const heapUsed = () => v8.getHeapStatistics().used_heap_size;

export class HeapGuard {
  private floor: number;

  constructor(private readonly slack = 64 * 1024 * 1024) {
    this.floor = heapUsed();
  }

  check(): void {
    const used = heapUsed();
    if (used < this.floor + this.slack) return;
    const gc = collector();
    if (!gc) return;
    gc();
    this.floor = heapUsed();
  }
}
