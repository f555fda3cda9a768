// Lets an API client check its token: which role and stores it acts as.
import { requireApi } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = handle("v1.whoami", async () => {
  const p = await requireApi("session.whoami");
  return Response.json({ kind: p.kind, label: p.label, role: p.role, storeIds: p.storeIds });
});
