#!/usr/bin/env node
// `npx ops …`: the operations CLI, written in TypeScript and run through tsx (a dependency of this app).
import { register } from "tsx/esm/api";

register();
await import("../cli/ops.ts");
