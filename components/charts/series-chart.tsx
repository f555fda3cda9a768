"use client";
// One small responsive series over pre-aggregated points: a line (trend over days), columns, or rows (named
// categories such as stores, whose labels need the room). Values are percentages or integer minor units of one
// currency, or milliseconds; the server sends each point's display text so tooltips match the data table exactly.
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMinor } from "@/lib/money";

export type SeriesPoint = { label: string; value: number; display: string };
export type SeriesUnit = { kind: "percent" } | { kind: "minor"; currency: string; locale: string } | { kind: "ms" };
type Kind = "line" | "columns" | "rows";

const COLOR = { percent: "#0b7a3e", minor: "#1d4ed8", ms: "#7c3aed" } as const;
const TICK = { fontSize: 12 };

function valueAxisProps(unit: SeriesUnit) {
  // Amounts keep recharts' default domain, which starts at zero for positive values.
  const domain: [number, number] | undefined = unit.kind === "percent" ? [0, 100] : undefined;
  return {
    domain,
    allowDecimals: false,
    // Minor-unit ticks are whole numbers (allowDecimals false), so formatMinor stays exact.
    tickFormatter: (v: number) =>
      unit.kind === "percent"
        ? `${v}%`
        : unit.kind === "ms"
          ? `${v} ms`
          : formatMinor(Math.round(v), unit.currency, unit.locale),
    tick: TICK,
  } as const;
}

export function SeriesChart({
  data,
  kind,
  unit,
  name,
}: {
  data: SeriesPoint[];
  kind: Kind;
  unit: SeriesUnit;
  name: string;
}) {
  const color = COLOR[unit.kind];
  const values = valueAxisProps(unit);
  const common = { data, margin: { top: 8, right: 16, bottom: 0, left: 0 }, accessibilityLayer: false };
  const tooltip = (
    <Tooltip formatter={(_value, _name, item) => [(item.payload as SeriesPoint | undefined)?.display ?? "", name]} />
  );
  const grid = (
    <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={kind === "rows"} horizontal={kind !== "rows"} />
  );
  // Rows grow with the number of categories so every label stays readable.
  const height = kind === "rows" ? Math.max(120, 32 * data.length + 40) : 200;
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 320, height }}>
      {kind === "line" ? (
        <LineChart {...common}>
          {grid}
          <XAxis dataKey="label" tick={TICK} interval="preserveStartEnd" />
          <YAxis width={unit.kind === "percent" ? 44 : 84} {...values} />
          {tooltip}
          <Line
            type="monotone"
            dataKey="value"
            name={name}
            stroke={color}
            strokeWidth={2}
            dot={data.length < 40}
            isAnimationActive={false}
          />
        </LineChart>
      ) : kind === "columns" ? (
        <BarChart {...common}>
          {grid}
          <XAxis dataKey="label" tick={TICK} interval="preserveStartEnd" />
          <YAxis width={unit.kind === "percent" ? 44 : 84} {...values} />
          {tooltip}
          <Bar dataKey="value" name={name} fill={color} isAnimationActive={false} />
        </BarChart>
      ) : (
        <BarChart {...common} layout="vertical">
          {grid}
          <XAxis type="number" {...values} />
          <YAxis type="category" dataKey="label" width={128} tick={TICK} interval={0} />
          {tooltip}
          <Bar dataKey="value" name={name} fill={color} barSize={20} isAnimationActive={false} />
        </BarChart>
      )}
    </ResponsiveContainer>
  );
}
