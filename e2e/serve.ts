// The end-to-end suite's app server: `npm start` on a data folder emptied first (a new embedded PostgreSQL, the
// simulator, demo data), so every run starts from the same state.
import { removeEmbeddedDatabase } from "../lib/db/embedded.ts";
import { loadDotEnvFile } from "../lib/env.ts";

loadDotEnvFile(); // as npm start does, before anything reads the configuration
const { E2E_DATA_DIR } = await import("./config.ts");
// With the folder goes its cluster, also when that lives outside the checkout (see lib/db/embedded.ts).
await removeEmbeddedDatabase(E2E_DATA_DIR);
await import("../cli/start.ts");
