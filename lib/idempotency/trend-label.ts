// Names of the trend's buckets, for the chart (a client component: nothing here touches the database).
import type { Trend } from "@/lib/idempotency/trend";

export type { Trend };

/** The date options used (a subset both Intl and next-intl's formatter take). */
export type BucketDate = { year: "numeric"; month: "short"; day?: "numeric"; timeZone: "UTC" };

/**
 * How a bucket of the trend is named: a day by its date, a week by its first day ("week of 4 May 2020"; a month's
 * name alone repeated itself four times), a month by its month. A message key (trend.bucket.*) with `{date}`, and
 * how to format that date; the reader's locale does the rest.
 */
export function bucketLabel(granularity: Trend["granularity"]): {
  key: `bucket.${Trend["granularity"]}`;
  date: BucketDate;
} {
  const date: BucketDate =
    granularity === "month"
      ? { year: "numeric", month: "short", timeZone: "UTC" }
      : { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" };
  return { key: `bucket.${granularity}`, date };
}
