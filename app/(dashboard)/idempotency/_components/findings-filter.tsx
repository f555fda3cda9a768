// The findings filter: a GET form (works without JavaScript, its result is a shareable URL). The choices for
// endpoint, account, region and client are the values this analysis saw.
import Form from "next/form";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FINDING_CODES, type ReadinessItem } from "@/lib/idempotency";
import { idemHref, IDEM_PATH, type IdemQuery } from "./idem-query";
import type { Translate } from "./labels";

const FIELDS = [
  ["endpoint", "endpoint"],
  ["account", "merchantAccount"],
  ["region", "region"],
  ["client", "client"],
] as const;

export function FindingsFilter({ q, rows, t }: { q: IdemQuery; rows: ReadinessItem[]; t: Translate }) {
  const values = (dimension: string) =>
    rows
      .filter((r) => r.dimension === dimension)
      .map((r) => r.value)
      .slice(0, 300);
  return (
    <Form action={IDEM_PATH} className="grid gap-3">
      {q.analysisId ? <input type="hidden" name="analysis" value={q.analysisId} /> : null}
      {q.params.get("dim") ? <input type="hidden" name="dim" value={q.params.get("dim") ?? ""} /> : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <SelectField
          label={t("findings.code")}
          name="code"
          defaultValue={q.filter.code ?? ""}
          options={[
            { value: "", label: t("findings.any") },
            ...FINDING_CODES.map((c) => ({ value: c, label: t(`codes.${c}.label`) })),
          ]}
        />
        {FIELDS.map(([param, dimension]) => {
          const current = q.filter[param] ?? "";
          const options = values(dimension);
          if (current && !options.includes(current)) options.unshift(current);
          return (
            <SelectField
              key={param}
              label={t(`dimension.${dimension}`)}
              name={param}
              defaultValue={current}
              options={[
                { value: "", label: t("findings.any") },
                ...options.map((v) => ({ value: v, label: v.length > 60 ? `${v.slice(0, 60)}…` : v })),
              ]}
            />
          );
        })}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit">{t("findings.apply")}</Button>
        <Link
          href={idemHref(
            q.params,
            { code: null, endpoint: null, account: null, region: null, client: null, cursor: null, chain: null },
            "#findings",
          )}
          className="inline-flex min-h-11 items-center rounded-md px-4 text-sm font-medium text-brand-700 underline underline-offset-2 hover:bg-slate-100"
        >
          {t("findings.reset")}
        </Link>
      </div>
    </Form>
  );
}
