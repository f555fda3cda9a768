// A sortable column header: a plain link (works without JavaScript) that the server turns into ORDER BY.
import Link from "next/link";
import type { SortLink } from "./column-meta";

const ARROWS = { asc: "▲", desc: "▼" } as const;

export function SortHeader({ label, link }: { label: React.ReactNode; link: SortLink }) {
  // No prefetch: every header is a different server query; fetching them all on sight would be wasted work.
  return (
    <Link
      href={link.href}
      scroll={false}
      prefetch={false}
      className="inline-flex min-h-11 items-center gap-1 rounded px-1 -mx-1 hover:bg-slate-100 hover:underline"
    >
      {label}
      <span aria-hidden="true" className={`text-xs ${link.direction ? "text-ink" : "text-slate-300"}`}>
        {link.direction ? ARROWS[link.direction] : "↕"}
      </span>
    </Link>
  );
}

/** aria-sort for the header cell; only the sorted column announces an order. */
export function ariaSort(link: SortLink | undefined): "ascending" | "descending" | undefined {
  if (!link?.direction) return undefined;
  return link.direction === "asc" ? "ascending" : "descending";
}
