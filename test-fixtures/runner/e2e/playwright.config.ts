// The real end-to-end configuration (reporters, JSON report location, browser, project) pointed at this folder's
// deliberately failing tests. They need no app, so the real config's web server (which needs a build) is left out.
import path from "node:path";
import { defineConfig } from "@playwright/test";
import base from "../../../playwright.config";
import { env } from "../../../lib/env";

export default defineConfig({
  ...base,
  testDir: ".",
  webServer: undefined,
  outputDir: path.resolve(env().TEST_REPORT_DIR, "e2e-artifacts"),
});
