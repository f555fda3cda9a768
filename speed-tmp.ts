import { createReadStream, statSync } from "node:fs";
import { newFileRead, readExchanges } from "@/lib/idempotency/input/read-file";
const f = process.argv[2]!;
for (let k = 0; k < 2; k++) {
  const r = newFileRead(f);
  const t = performance.now();
  let c = 0;
  for await (const _x of readExchanges(createReadStream(f, { highWaterMark: 1 << 20 }), r)) c++;
  const s = (performance.now() - t) / 1000;
  console.log(f, c, (statSync(f).size / 1e6 / s).toFixed(0), "MB/s");
}
// baseline: raw read + JSON.parse per line
const t = performance.now();
let carry = "";
for await (const chunk of createReadStream(f, { highWaterMark: 1 << 20, encoding: "utf8" })) {
  const parts = (carry + chunk).split("\n"); carry = parts.pop()!;
  for (const p of parts) if (p) JSON.parse(p);
}
console.log("split+parse", (statSync(f).size / 1e6 / ((performance.now() - t) / 1000)).toFixed(0), "MB/s");
