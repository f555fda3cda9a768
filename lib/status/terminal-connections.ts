// Writes what the cloud-link probe saw into terminals.connected. A change is written at once; an unchanged value
// is re-confirmed (connected_checked_at) once an hour, so 20,000 terminals are not 20,000 row writes per cycle.
// The time of the store's latest probe is in the status read models.
import { db } from "@/lib/db";
import type { CloudLinkResult } from "./probes/cloud-link";

export const CHECKED_AT_REFRESH_S = 3600;

export async function updateTerminalConnections(results: CloudLinkResult[], at: Date): Promise<number> {
  const ids: string[] = [];
  const states: boolean[] = [];
  for (const r of results) {
    if (r.error) continue;
    for (const [id, online] of Object.entries(r.online)) {
      ids.push(id);
      states.push(online);
    }
  }
  if (ids.length === 0) return 0;
  return db().$executeRaw`
    UPDATE terminals t SET connected = v.connected, connected_checked_at = ${at}
    FROM unnest(${ids}::text[], ${states}::boolean[]) AS v(id, connected)
    WHERE t.id = v.id AND (t.connected IS DISTINCT FROM v.connected OR t.connected_checked_at IS NULL
      OR t.connected_checked_at < ${at}::timestamptz - make_interval(secs => ${CHECKED_AT_REFRESH_S}))`;
}
