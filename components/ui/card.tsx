import { useId } from "react";

/**
 * A titled section. `min-w-0`: inside a grid or flex column a card would otherwise grow to its widest table or word,
 * and the whole page would scroll sideways on a phone instead of the table scrolling in its own frame.
 */
export function Card({
  title,
  children,
  className = "",
}: {
  title?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <section
      aria-labelledby={title ? id : undefined}
      className={`min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm ${className}`}
    >
      {title ? (
        <h2 id={id} className="mb-3 text-base font-semibold">
          {title}
        </h2>
      ) : null}
      {children}
    </section>
  );
}

export function PageHeader({ title, intro }: { title: string; intro?: string }) {
  return (
    <header className="mb-6">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      {intro ? <p className="mt-1 text-slate-600">{intro}</p> : null}
    </header>
  );
}

export function Notice({
  children,
  tone = "info",
}: {
  children: React.ReactNode;
  tone?: "info" | "warn" | "error" | "ok";
}) {
  const tones = {
    info: "border-sky-300 bg-sky-50 text-sky-900",
    warn: "border-amber-300 bg-amber-50 text-amber-900",
    error: "border-red-300 bg-red-50 text-red-900",
    ok: "border-emerald-300 bg-emerald-50 text-emerald-900",
  } as const;
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${tones[tone]}`}>
      {children}
    </div>
  );
}
