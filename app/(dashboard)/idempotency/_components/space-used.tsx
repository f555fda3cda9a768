// What the checker's analyses take in the database, and how long they are kept.
import type { getFormatter } from "next-intl/server";
import type { SpaceUsed as Space } from "@/lib/idempotency";
import type { Translate } from "./labels";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

export function SpaceUsed({ space, days, t, format }: { space: Space; days: number; t: Translate; format: Formatter }) {
  const size = (bytes: number) =>
    bytes >= 1024 ** 3
      ? `${format.number(bytes / 1024 ** 3, { maximumFractionDigits: 1 })} GB`
      : `${format.number(bytes / 1024 ** 2, { maximumFractionDigits: 1 })} MB`;
  const findings = space.byTable.find((r) => r.table === "idempotency_findings")?.bytes ?? 0;
  const chains = space.byTable.find((r) => r.table === "idempotency_chains")?.bytes ?? 0;
  return (
    <p className="text-sm text-slate-700">
      {t("space.used", {
        size: size(space.bytes),
        analyses: space.analyses,
        findings: size(findings),
        chains: size(chains),
        days,
      })}
    </p>
  );
}
