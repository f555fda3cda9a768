// A Statuspage page's history feeds (/history.rss, /history.atom): one post per incident or maintenance, the
// updates newest first as "<strong>Status</strong> - text", the way Statuspage writes them.
import type { StatusPageState } from "../status-page";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

type Post = { id: string; title: string; html: string; date: Date };

function posts(state: StatusPageState, now: Date): Post[] {
  const incidents = state.incidents.map((i) => ({
    id: i.id,
    title: i.name,
    date: i.updatedAt,
    html: i.updates
      .map((u) => `<p><small>${u.at.toUTCString()}</small><br><strong>${cap(u.status)}</strong> - ${esc(u.body)}</p>`)
      .join(""),
  }));
  const maintenances = state.maintenances.map((m) => {
    const status = m.endsAt <= now ? "Completed" : m.startsAt <= now ? "In progress" : "Scheduled";
    return {
      id: m.id,
      title: m.name,
      date: m.startsAt <= now ? m.startsAt : now,
      html: `<p><strong>${status}</strong> - ${esc(m.name)} until ${m.endsAt.toUTCString()}</p>`,
    };
  });
  return [...incidents, ...maintenances].sort((a, b) => b.date.getTime() - a.date.getTime());
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function rssFeed(state: StatusPageState, base: string, now: Date): string {
  const items = posts(state, now)
    .map(
      (p) =>
        `<item><title>${esc(p.title)}</title><description>${esc(p.html)}</description><pubDate>${p.date.toUTCString()}</pubDate><link>${base}/incidents/${p.id}</link><guid>${base}/incidents/${p.id}</guid></item>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Adyen Status - Incident History</title><link>${base}</link><description>Statuspage</description>${items}</channel></rss>`;
}

export function atomFeed(state: StatusPageState, base: string, now: Date): string {
  const entries = posts(state, now)
    .map(
      (p) =>
        `<entry><id>tag:status,2026:Incident/${p.id}</id><published>${p.date.toISOString()}</published><updated>${p.date.toISOString()}</updated><link rel="alternate" type="text/html" href="${base}/incidents/${p.id}"/><title>${esc(p.title)}</title><content type="html">${esc(p.html)}</content></entry>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><feed xml:lang="en-US" xmlns="http://www.w3.org/2005/Atom"><id>tag:status,2026:/history</id><link rel="alternate" type="text/html" href="${base}"/><title>Adyen Status - Incident History</title><updated>${now.toISOString()}</updated>${entries}</feed>`;
}
