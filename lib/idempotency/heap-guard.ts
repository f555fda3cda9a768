// Keeps an analysis within its memory budget whatever the size of its input. Its live set stays small (about
// 50 MB: open chains, recent keys, one write batch), but V8 grows the old generation lazily and let the heap
// float to three times that before collecting. A full collection whenever the heap has grown by `slack` since
// the last one bounds it; with a steady live set that is one collection per few hundred thousand requests.
import v8 from "node:v8";
import vm from "node:vm";

let collect: (() => void) | null | undefined;

function collector(): (() => void) | null {
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

export class HeapGuard {
  private floor: number;

  constructor(private readonly slack = 64 * 1024 * 1024) {
    this.floor = process.memoryUsage().heapUsed;
  }

  check(): void {
    const used = process.memoryUsage().heapUsed;
    if (used < this.floor + this.slack) return;
    const gc = collector();
    if (!gc) return;
    gc();
    this.floor = process.memoryUsage().heapUsed;
  }
}
