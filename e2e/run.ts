// Runs the Playwright suite against a fresh data folder (a new embedded PostgreSQL, the simulator, demo data).
import { spawnSync } from "node:child_process";
import { removeEmbeddedDatabase } from "../lib/db/embedded.ts";
import { E2E_DATA_DIR } from "./config.ts";

// With the folder goes its cluster, also when that lives outside the checkout (see lib/db/embedded.ts).
await removeEmbeddedDatabase(E2E_DATA_DIR);
const res = spawnSync("npx", ["--no-install", "playwright", "test", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(res.status ?? 1);
