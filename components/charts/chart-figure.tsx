// A chart with its heading and the same numbers as a visually hidden table, so screen readers get the data
// without the SVG (which is hidden from them).
import { useId } from "react";
import type { SeriesPoint } from "./series-chart";

export function ChartFigure(props: {
  title: string;
  labelHeader: string;
  valueHeader: string;
  points: SeriesPoint[];
  emptyText: string;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <figure aria-labelledby={id} className="min-w-0">
      <h3 id={id} className="mb-2 text-sm font-semibold">
        {props.title}
      </h3>
      {props.points.length === 0 ? (
        <p className="flex h-[200px] items-center justify-center rounded border border-dashed border-slate-300 text-sm text-slate-500">
          {props.emptyText}
        </p>
      ) : (
        <>
          <div aria-hidden="true">{props.children}</div>
          <table className="sr-only">
            <caption>{props.title}</caption>
            <thead>
              <tr>
                <th scope="col">{props.labelHeader}</th>
                <th scope="col">{props.valueHeader}</th>
              </tr>
            </thead>
            <tbody>
              {props.points.map((p, i) => (
                <tr key={`${i}-${p.label}`}>
                  <th scope="row">{p.label}</th>
                  <td>{p.display}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}
