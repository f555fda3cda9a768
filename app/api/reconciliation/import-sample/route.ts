// GET /api/reconciliation/import-sample?kind=… — a small sample file of one import kind, as the imports page offers
// it: its columns and two lines, valid as they are (orders and receipts name the reader's first store).
import { z } from "zod";
import { requireApi } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";
import { IMPORT_KINDS, importSample } from "@/lib/reconciliation/imports";
import { listStoresFor } from "@/lib/stores/stores";

export const dynamic = "force-dynamic";

const querySchema = z.object({ kind: z.enum(IMPORT_KINDS, { message: `must be one of ${IMPORT_KINDS.join(", ")}` }) });

export const GET = handle("reconciliation.import-sample", async (req) => {
  const p = await requireApi("imports.read");
  const { kind } = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const [store] = await listStoresFor(p);
  const text = importSample(kind, store?.reference ?? store?.name ?? store?.id ?? "YOUR-STORE");
  return new Response(text, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${kind}-sample.csv"`,
      "cache-control": "no-store",
    },
  });
});
