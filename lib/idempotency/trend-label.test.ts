// Weekly buckets of the trend are named by their first day: four weeks of May 2020 are four different labels.
import { describe, expect, it } from "vitest";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { bucketLabel } from "@/lib/idempotency/trend-label";

const weeks = ["2020-05-04", "2020-05-11", "2020-05-18", "2020-05-25"];

function render(locale: string, template: string, iso: string, granularity: "day" | "week" | "month") {
  const { date } = bucketLabel(granularity);
  return template.replace("{date}", new Intl.DateTimeFormat(locale, date).format(new Date(`${iso}T00:00:00Z`)));
}

describe("trend bucket labels", () => {
  it.each([
    ["en", en.idempotency.trend.bucket],
    ["de", de.idempotency.trend.bucket],
  ])("%s: four weeks of one month, four labels, each naming its first day", (locale, bucket) => {
    const labels = weeks.map((w) => render(locale, bucket.week, w, "week"));
    expect(new Set(labels).size).toBe(4);
    expect(labels[0]).toBe(locale === "en" ? "week of May 4, 2020" : "Woche ab 4. Mai 2020");
    expect(render(locale, bucket.month, "2020-05-01", "month")).toBe(locale === "en" ? "May 2020" : "Mai 2020");
    expect(bucketLabel("week").key).toBe("bucket.week");
  });
});
