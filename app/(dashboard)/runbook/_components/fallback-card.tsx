// One of Adyen's three fallbacks: its rank for this store, what it does, the effort, its limits, and its steps.
import { Badge } from "@/components/ui/badge";

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function FallbackCard(props: {
  id?: string;
  kind: "standalone" | "payByLink" | "tapToPay";
  number: number;
  role: "primary" | "backup" | "usable" | "unusable";
  note: string;
  open: boolean;
  t: Translate;
  children: React.ReactNode;
}) {
  const { t, kind } = props;
  const badge =
    props.role === "primary" ? (
      <Badge tone="ok" symbol="★">
        {t("role.primary")}
      </Badge>
    ) : props.role === "backup" ? (
      <Badge tone="info" symbol="↺">
        {t("role.backup")}
      </Badge>
    ) : props.role === "unusable" ? (
      <Badge tone="neutral" symbol="–">
        {t("role.unusable")}
      </Badge>
    ) : null;
  return (
    <details
      id={props.id}
      open={props.open}
      className={`rounded-lg border bg-white shadow-sm ${props.role === "primary" ? "border-brand-600" : "border-slate-200"}`}
    >
      <summary className="flex min-h-14 cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 p-4">
        <span aria-hidden="true" className="text-slate-400 [details[open]_&]:rotate-90">
          ▸
        </span>
        <span className="text-base font-semibold">
          {props.number}. {t(`options.${kind}.title`)}
        </span>
        {badge}
        <span className="basis-full text-sm text-slate-700">{props.note}</span>
      </summary>
      <div className="flex flex-col gap-4 border-t border-slate-100 p-4">
        <dl className="grid gap-2 text-sm sm:grid-cols-3">
          {(["effect", "effort", "limits"] as const).map((k) => (
            <div key={k}>
              <dt className="font-medium">{t(`facets.${k}`)}</dt>
              <dd className="text-slate-700">{t(`options.${kind}.${k}`)}</dd>
            </div>
          ))}
        </dl>
        {props.children}
      </div>
    </details>
  );
}
