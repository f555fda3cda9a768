// The benchmarks that drive the production server need a build of the current sources: a build older than any
// source file is rebuilt, so a benchmark never measures code that is no longer there.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ROOT, runNextBuild } from "../cli/processes.ts";

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "generated") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export async function ensureFreshBuild(env: NodeJS.ProcessEnv): Promise<void> {
  const id = path.join(ROOT, ".next", "BUILD_ID");
  const sources = Math.max(
    ...["app", "lib", "pages", "components", "messages"].map((d) => newestSource(path.join(ROOT, d))),
  );
  if (existsSync(id) && statSync(id).mtimeMs >= sources) return;
  process.stdout.write("the production build is older than the sources: running next build…\n");
  await runNextBuild(env);
}
