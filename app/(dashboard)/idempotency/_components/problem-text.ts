// Where reading a file stopped, in the reader's language: from its code when the analysis has one, else (analyses
// stored before codes) its English message.
type Problem = {
  file: string;
  line?: number;
  entry?: number;
  code?: string;
  params?: Record<string, number>;
  message: string;
};

type T = { (key: string, values?: Record<string, string | number>): string; has: (key: string) => boolean };

export function problemText(p: Problem, t: T): string {
  if (!p.code || !t.has(`stop.${p.code}`)) return p.message;
  const reason = t(`stop.${p.code}`, p.params ?? {});
  const where =
    p.line !== undefined
      ? t("summary.line", { n: p.line })
      : p.entry !== undefined && p.entry > 0
        ? t("summary.entry", { n: p.entry })
        : null;
  return where
    ? t("summary.problem", { file: p.file, where, reason })
    : t("summary.problemNoPlace", { file: p.file, reason });
}
