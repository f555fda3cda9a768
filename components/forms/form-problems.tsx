"use client";
// What a server action found wrong with a form, in the reader's language: each field's message under the field, a
// summary naming the fields as the form labels them, and focus moved to the first field to correct.
import { useEffect, type RefObject } from "react";
import { useTranslations } from "next-intl";
import type { FieldProblem } from "@/lib/errors";
import { Notice } from "@/components/ui/card";

type FormState = { ok: boolean; error?: string; problems?: FieldProblem[] } | null;

/** A problem in words: its code's message, else the field's rule, else the server's English text. */
export function useProblemWords(): (problem: FieldProblem) => string {
  const t = useTranslations("problems");
  return (p) => {
    if (p.code && t.has(p.code)) return t(p.code, p.values);
    const rule = `rule.${p.path}`;
    return t.has(rule) ? t(rule) : p.message;
  };
}

/**
 * The form's problems: `field(path)` for the message under a field, and `summary` for the notice. `labels` maps each
 * problem path to the field's label (paths the server names that no field shows are said in the notice only).
 */
export function useFormProblems(state: FormState, labels: Readonly<Record<string, string>>) {
  const t = useTranslations("problems");
  const words = useProblemWords();
  const problems = state && !state.ok ? (state.problems ?? []) : [];
  const field = (path: string) => {
    const problem = problems.find((p) => p.path === path);
    return problem ? words(problem) : undefined;
  };
  const summary = problems.map((p) => t("check", { field: labels[p.path] ?? p.path, problem: words(p) }));
  return { field, summary, error: state && !state.ok && summary.length === 0 ? (state.error ?? null) : null };
}

/** After a failed submit, focus the first field marked invalid (the browser scrolls it into view). */
export function useFocusFirstProblem(form: RefObject<HTMLFormElement | null>, state: FormState): void {
  useEffect(() => {
    if (state && !state.ok) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, state]);
}

export function ProblemNotice({ summary, error }: { summary: string[]; error: string | null }) {
  if (summary.length === 0 && !error) return null;
  return (
    <Notice tone="error">
      {error ?? (summary.length === 1 ? summary[0] : null)}
      {summary.length > 1 ? (
        <ul className="list-disc pl-5">
          {summary.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}
