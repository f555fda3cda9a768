// Demo logins: created only in simulator mode, shown on the sign-in page and printed by `npm start` there.
import type { Role } from "@/lib/auth/roles";

export type DemoUser = { email: string; name: string; role: Role; password: string; storeRefs: string[] };

export const DEMO_USERS: readonly DemoUser[] = [
  { email: "admin@demo.test", name: "Alex Admin", role: "admin", password: "demo-admin-2026", storeRefs: [] },
  {
    email: "berlin@demo.test",
    name: "Bea Berlin",
    role: "store_manager",
    password: "demo-store-2026",
    storeRefs: ["berlin-mitte"],
  },
  { email: "finance@demo.test", name: "Fiona Finance", role: "finance", password: "demo-finance-2026", storeRefs: [] },
  {
    email: "engineering@demo.test",
    name: "Emil Engineering",
    role: "engineering",
    password: "demo-eng-2026",
    storeRefs: [],
  },
];
