// A small read-only table: scrolls sideways inside its card on phones, column headers scoped for screen readers.
// The frame is `relative` so that visually hidden (absolute) labels inside stay in it instead of widening the page.
export type Column = { label: React.ReactNode; align?: "right"; hidden?: boolean };

export function SimpleTable({
  caption,
  columns,
  children,
}: {
  caption?: string;
  columns: Column[];
  children: React.ReactNode;
}) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead>
          <tr className="border-b text-slate-600">
            {columns.map((c, i) => (
              <th key={i} scope="col" className={`py-2 pr-4 last:pr-0 ${c.align === "right" ? "text-right" : ""}`}>
                {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function Row({ children }: { children: React.ReactNode }) {
  return <tr className="border-b align-top last:border-0">{children}</tr>;
}

export function Cell({
  children,
  className = "",
  title,
}: {
  children: React.ReactNode;
  className?: string;
  title?: string;
}) {
  return (
    <td className={`py-2 pr-4 last:pr-0 ${className}`} title={title}>
      {children}
    </td>
  );
}
