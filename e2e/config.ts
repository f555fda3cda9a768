import path from "node:path";
import { env } from "../lib/env";

export const E2E_PORT = env().E2E_PORT;
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_DATA_DIR = path.resolve(import.meta.dirname, "..", ".data-e2e");
