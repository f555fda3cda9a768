// The filter form: a GET form, so it works without JavaScript and its result is a shareable URL. Submitting it
// starts again at the first page and closes the detail panel (neither is part of the form).
import Form from "next/form";
import Link from "next/link";
import { MAX_TYPED_AMOUNT_LENGTH } from "@/lib/money";
import { MATCH_METHODS, RECON_STATUSES } from "@/lib/reconciliation/filters";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { RECON_PATH, type FilterKey, type ReconQuery } from "./recon-query";
import type { Translate } from "./recon-rows";

const asDate = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : "");

export function FilterForm({
  q,
  t,
  stores,
  problemOf,
}: {
  q: ReconQuery;
  t: Translate;
  stores: { id: string; name: string }[];
  /** Why a filter the address carried was refused, in the reader's language, for the field that shows it. */
  problemOf: (key: FilterKey) => string | undefined;
}) {
  const p = q.params;
  const chosen = new Set(q.filter.status ?? []);
  return (
    <Card title={t("filters.title")}>
      <Form action={RECON_PATH} className="flex flex-col gap-4">
        <fieldset>
          <legend className="mb-1 text-sm font-medium">{t("filters.status")}</legend>
          <div className="flex flex-wrap gap-x-4">
            {RECON_STATUSES.map((s) => (
              <label key={s} className="inline-flex min-h-11 cursor-pointer items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="status"
                  value={s}
                  defaultChecked={chosen.has(s)}
                  className="h-5 w-5 accent-brand-600"
                />
                <span className="capitalize">{t(`status.${s}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField
            label={t("filters.store")}
            name="store"
            defaultValue={p.get("store") ?? ""}
            options={[
              { value: "", label: t("filters.allStores") },
              ...stores.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
          <SelectField
            label={t("filters.method")}
            name="method"
            defaultValue={p.get("method") ?? ""}
            options={[
              { value: "", label: t("filters.anyMethod") },
              ...MATCH_METHODS.map((m) => ({ value: m, label: t(`method.${m}`) })),
            ]}
          />
          <TextField label={t("filters.from")} name="from" type="date" defaultValue={asDate(p.get("from"))} />
          <TextField
            label={t("filters.to")}
            name="to"
            type="date"
            defaultValue={asDate(p.get("to"))}
            hint={t("filters.datesHint")}
          />
          {(["amountMin", "amountMax"] as const).map((key) => (
            <TextField
              key={key}
              label={t(key === "amountMin" ? "filters.minAmount" : "filters.maxAmount")}
              name={key}
              inputMode="decimal"
              autoComplete="off"
              maxLength={MAX_TYPED_AMOUNT_LENGTH}
              defaultValue={q.typed[key] ?? p.get(key) ?? ""}
              error={problemOf(key)}
              hint={key === "amountMin" ? t("filters.amountHint") : undefined}
            />
          ))}
          <div className="sm:col-span-2">
            <TextField
              label={t("filters.q")}
              name="q"
              type="search"
              defaultValue={p.get("q") ?? ""}
              hint={t("filters.qHint")}
              autoComplete="off"
            />
          </div>
        </div>
        {(["sort", "dir", "limit"] as const).map((k) => {
          const v = p.get(k);
          return v ? <input key={k} type="hidden" name={k} value={v} /> : null;
        })}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit">{t("filters.apply")}</Button>
          <Link
            href={RECON_PATH}
            className="inline-flex min-h-11 items-center rounded-md px-4 text-sm font-medium text-brand-700 underline underline-offset-2 hover:bg-slate-100"
          >
            {t("filters.reset")}
          </Link>
        </div>
      </Form>
    </Card>
  );
}
