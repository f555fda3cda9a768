// RSS 2.0 / RSS 1.0 and Atom history feeds (Statuspage and others publish them). A feed lists posts, not a state:
// a post from the last day whose latest update is not "resolved"/"completed" counts as an open incident.
import type { Document, Element } from "@xmldom/xmldom";
import { PAYMENTS_RELEVANT, type ProviderIncident, type ProviderMaintenance, type ProviderReading } from "./types";

/** Posts older than this are history, whatever their wording. */
export const FEED_OPEN_WINDOW_MS = 24 * 3_600_000;

type Post = { title: string; text: string; date: string | null };

function children(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).localName === name) out.push(n as Element);
  return out;
}

function textOf(el: Element | undefined): string {
  return (el?.textContent ?? "").trim();
}

function dateOf(...candidates: string[]): string | null {
  for (const c of candidates) {
    const t = Date.parse(c);
    if (c && !Number.isNaN(t)) return new Date(t).toISOString();
  }
  return null;
}

function rssPosts(doc: Document): Post[] {
  const root = doc.documentElement;
  if (!root) return [];
  const channel = children(root, "channel")[0];
  // RSS 2.0 keeps items in <channel>; RSS 1.0 (RDF) beside it.
  const items = [...(channel ? children(channel, "item") : []), ...children(root, "item")];
  return items.map((i) => ({
    title: textOf(children(i, "title")[0]),
    text: textOf(children(i, "description")[0]) || textOf(children(i, "encoded")[0]),
    date: dateOf(textOf(children(i, "pubDate")[0]), textOf(children(i, "date")[0])),
  }));
}

function atomPosts(doc: Document): Post[] {
  const root = doc.documentElement;
  if (!root) return [];
  return children(root, "entry").map((e) => ({
    title: textOf(children(e, "title")[0]),
    text: textOf(children(e, "content")[0]) || textOf(children(e, "summary")[0]),
    date: dateOf(textOf(children(e, "updated")[0]), textOf(children(e, "published")[0])),
  }));
}

const CLOSED = /^(resolved|completed|closed|fixed|postmortem)$/i;

/** Statuspage writes updates newest first as "<strong>Resolved</strong> - …"; the first one is the latest. */
function latestUpdate(text: string): string | null {
  const m = /<strong>\s*([^<]+?)\s*<\/strong>/i.exec(text) ?? /&lt;strong&gt;\s*(.+?)\s*&lt;\/strong&gt;/i.exec(text);
  return m?.[1] ?? null;
}

function classify(post: Post, now: Date): "incident" | "maintenance" | "closed" {
  if (!post.date || now.getTime() - Date.parse(post.date) > FEED_OPEN_WINDOW_MS) return "closed";
  const latest = latestUpdate(post.text);
  if (latest) {
    if (CLOSED.test(latest)) return "closed";
    if (/^(in progress|scheduled|verifying)$/i.test(latest))
      return /in progress|verifying/i.test(latest) ? "maintenance" : "closed";
    return "incident";
  }
  return /\b(resolved|completed)\b/i.test(`${post.title} ${post.text}`) ? "closed" : "incident";
}

export function feedReading(doc: Document, format: "rss" | "atom", now: Date): ProviderReading {
  const posts = format === "rss" ? rssPosts(doc) : atomPosts(doc);
  const incidents: ProviderIncident[] = [];
  const maintenances: ProviderMaintenance[] = [];
  for (const p of posts) {
    const kind = classify(p, now);
    const name = p.title || "Untitled post";
    if (kind === "incident")
      incidents.push({
        name,
        impact: "unknown",
        status: latestUpdate(p.text)?.toLowerCase() ?? "open",
        startedAt: p.date,
      });
    if (kind === "maintenance") maintenances.push({ name, startsAt: p.date, endsAt: null, inProgress: true });
  }
  const state = incidents.length > 0 ? "degraded" : maintenances.length > 0 ? "maintenance" : "operational";
  const relevant = incidents.filter((i) => PAYMENTS_RELEVANT.test(i.name));
  return {
    format,
    state,
    // A feed states no severity: "none" only when nothing is open.
    indicator: incidents.length === 0 ? "none" : null,
    description:
      incidents.length > 0
        ? `${incidents.length} open incident${incidents.length > 1 ? "s" : ""} in the feed (severity not stated)`
        : posts.length === 0
          ? "The feed has no posts"
          : "No open incident in the feed",
    reason: null,
    components: [],
    incidents,
    maintenances,
    paymentsState: relevant.length > 0 ? "degraded" : incidents.length > 0 ? "unknown" : "operational",
  };
}
