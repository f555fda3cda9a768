// Finds the Chromium the end-to-end tests drive: CHROMIUM_PATH, else the system's; installs Debian's package
// when it is missing and we are root, else says the one command to run. Playwright never downloads a browser here.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import { childEnv, env } from "../lib/env.ts";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function findChromium(): string | undefined {
  const configured = env().CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? configured : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  if (env().CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH points to ${env().CHROMIUM_PATH}, which does not exist`);
  if (os.userInfo().uid !== 0) {
    throw new Error(
      "Chromium is not installed. Install it with:  sudo apt-get update && sudo apt-get install -y chromium",
    );
  }
  process.stdout.write("[test] Chromium not found: installing Debian's chromium package…\n");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
    stdio: "inherit",
    env: childEnv({ DEBIAN_FRONTEND: "noninteractive" }),
  });
  const installed = findChromium();
  if (!installed) throw new Error("apt-get installed chromium but no binary was found in /usr/bin");
  return installed;
}
