import { redirect } from "next/navigation";
import { homeFor } from "@/lib/auth/navigation";
import { requirePage } from "@/lib/auth/session";

export default async function Home() {
  redirect(homeFor(await requirePage("session.whoami")));
}
