// Every finding code in one line: what it means and what to do about it.
import { FINDING_CODES } from "@/lib/idempotency";
import { CodeBadge, type Translate } from "./labels";

export function CodeGuide({ t }: { t: Translate }) {
  return (
    <dl className="grid gap-3 text-sm md:grid-cols-2">
      {FINDING_CODES.map((code) => (
        <div key={code} className="grid gap-1">
          <dt>
            <CodeBadge code={code} t={t} />
          </dt>
          <dd className="text-slate-700">
            {t(`codes.${code}.help`)} <span className="font-medium text-ink">{t(`codes.${code}.remedy`)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
