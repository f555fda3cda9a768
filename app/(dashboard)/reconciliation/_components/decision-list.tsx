// The order's decisions, newest first; active ones can be undone (the order is then matched again).
import type { ReconDetail } from "@/lib/reconciliation/detail";
import { undoDecisionAction } from "../actions";
import { ActionButton } from "./action-button";
import type { Formatter, Translate } from "./recon-rows";

export function DecisionList({
  decisions,
  t,
  format,
}: {
  decisions: ReconDetail["decisions"];
  t: Translate;
  format: Formatter;
}) {
  return (
    <section aria-labelledby="recon-decisions" className="flex flex-col gap-2">
      <h3 id="recon-decisions" className="text-sm font-semibold">
        {t("detail.decisions")}
      </h3>
      {decisions.length === 0 ? <p className="text-sm text-slate-600">{t("detail.noDecisions")}</p> : null}
      <ul className="flex flex-col gap-2">
        {decisions.map((d) => (
          <li
            key={d.id}
            className={`flex flex-wrap items-start justify-between gap-2 rounded-md border p-2 text-sm ${d.active ? "border-slate-300" : "border-dashed border-slate-200 text-slate-500"}`}
          >
            <div>
              <div className="font-medium">
                {t(`detail.decision.${d.decision}`)}{" "}
                <span className="font-normal">({d.active ? t("detail.active") : t("detail.inactive")})</span>
              </div>
              <div className="text-xs">
                {t("detail.decisionLine", {
                  kind: t(`detail.kind.${d.evidenceKind}`),
                  id: d.evidenceId,
                  who: d.decidedBy,
                  when: format.dateTime(new Date(d.decidedAt), { dateStyle: "short", timeStyle: "short" }),
                })}
              </div>
            </div>
            {d.active ? <ActionButton kind="undo" action={undoDecisionAction.bind(null, d.id)} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
