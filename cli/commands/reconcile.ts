// `ops reconcile`: a full matching run, or one over a time span.
import { openContext, UsageError } from "../context.ts";
import { str, type Command } from "./types.ts";
import { reconcile } from "../../lib/reconciliation/engine/run.ts";
import { timeSpanScope } from "../../lib/reconciliation/engine/scope.ts";

function date(v: string | undefined, flag: string): Date | undefined {
  if (v === undefined) return undefined;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
  if (Number.isNaN(d.getTime())) throw new UsageError(`${flag} must be a date (YYYY-MM-DD) or an ISO timestamp`);
  return d;
}

export const reconcileCommands: Command[] = [
  {
    words: ["reconcile"],
    usage: "reconcile [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]",
    summary: "Match orders to evidence again: everything, or the orders and payments between --from and --to.",
    options: { from: { type: "string" }, to: { type: "string" }, json: { type: "boolean" } },
    run: async (v) => {
      const from = date(str(v, "from"), "--from");
      const to = date(str(v, "to"), "--to");
      if ((from === undefined) !== (to === undefined)) throw new UsageError("give both --from and --to, or neither");
      if (from && to && from > to) throw new UsageError("--from must be before --to");
      const ctx = await openContext();
      const result = await reconcile(from && to ? timeSpanScope(from, to) : { kind: "full" });
      if (v.json) process.stdout.write(JSON.stringify(result) + "\n");
      else {
        process.stdout.write(`reconciled ${result.orders} orders into ${result.items} items in ${result.ms} ms\n`);
        for (const [status, n] of Object.entries(result.byStatus))
          process.stdout.write(`  ${status.padEnd(11)} ${n}\n`);
      }
      await ctx.close();
    },
  },
];
