import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { linkListSchema } from "./queries";
import { LINK_STATUS_FILTERS } from "./schemas";

describe("the link status filter", () => {
  it("offers each status once as people read it, in every language", () => {
    for (const messages of [en, de]) {
      const words = LINK_STATUS_FILTERS.map((f) => messages.links.status[f.label]);
      expect(words.filter((w, i) => words.indexOf(w) !== i)).toEqual([]);
    }
  });

  it("finds Adyen's completed and paid links under its one 'paid'", () => {
    const paid = LINK_STATUS_FILTERS.find((f) => f.label === "paid");
    expect(linkListSchema.parse({ status: paid?.value }).status).toEqual(["completed", "paid"]);
  });
});
