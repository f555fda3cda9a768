// Availability over the last hour as a tiny SVG bar strip; the label carries the numbers for screen readers.
export function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const w = 4;
  const gap = 1;
  return (
    <svg
      role="img"
      aria-label={label}
      width={values.length * (w + gap)}
      height={20}
      viewBox={`0 0 ${values.length * (w + gap)} 20`}
      className="block"
    >
      {values.map((v, i) => {
        const h = v === null ? 2 : Math.max(2, Math.round((v / 100) * 20));
        const fill = v === null ? "#cbd5e1" : v >= 99 ? "#0b7a3e" : v >= 50 ? "#d97706" : "#b91c1c";
        return <rect key={i} x={i * (w + gap)} y={20 - h} width={w} height={h} fill={fill} />;
      })}
    </svg>
  );
}
