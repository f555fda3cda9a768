// Runs the Playwright suite against a fresh data folder (a new embedded PostgreSQL, the simulator, demo data).
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { E2E_DATA_DIR } from "./config.ts";

rmSync(E2E_DATA_DIR, { recursive: true, force: true });
const res = spawnSync("npx", ["--no-install", "playwright", "test", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(res.status ?? 1);
