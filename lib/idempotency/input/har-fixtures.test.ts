// Real HAR files written by other producers (test-fixtures/har/, sources in its README): each entry's answer is
// read as its producer meant it. Chrome writes `"_error": null` on every answered response and a text such as
// "net::ERR_INTERNET_DISCONNECTED" on one that got no answer; Playwright writes status -1, mitmproxy status 0.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readAll } from "@/lib/idempotency/input/test-support";

const DIR = path.resolve(import.meta.dirname, "../../../test-fixtures/har");

/** Per fixture: the producer it names, and each entry's method and status as read (null: no answer). */
const FIXTURES: Record<string, { creator: string; answers: [string, number | null][] }> = {
  "chrome-mitmproxy-tests.har": {
    creator: "WebInspector",
    answers: [
      ["GET", 304],
      ["GET", null],
      ["GET", 200],
    ],
  },
  "firefox-head-content-length.har": { creator: "Firefox", answers: [["HEAD", 200]] },
  "charles.har": { creator: "Charles Proxy", answers: [["GET", 200]] },
  "mitmproxy-error-log.har": {
    creator: "mitmproxy",
    answers: [
      ["GET", null],
      ["POST", 405],
    ],
  },
  "mitmproxy-incomplete-log.har": {
    creator: "mitmproxy",
    answers: [
      ["GET", null],
      ["GET", null],
      ["POST", null],
      ["POST", null],
    ],
  },
  "playwright-unstable-network.har": {
    creator: "Playwright",
    answers: [
      ["GET", null],
      ["GET", 200],
    ],
  },
};

describe("real HAR files of other producers", () => {
  for (const [file, expected] of Object.entries(FIXTURES)) {
    it(`${file}: every entry read, answered and unanswered responses told apart`, async () => {
      const bytes = readFileSync(path.join(DIR, file));
      expect(JSON.parse(bytes.toString("utf8").replace(/^\uFEFF/, "")).log.creator.name).toBe(expected.creator);
      const { exchanges, result } = await readAll(bytes, { name: file, chunk: 4096 });
      expect(result.stop).toBeNull();
      expect(exchanges.map((x) => [x.method, x.status])).toEqual(expected.answers);
      // An answered response keeps its headers; one without an answer has none.
      for (const x of exchanges) {
        if (x.status === null) expect(x.responseHeaders).toEqual({});
        else expect(Object.keys(x.responseHeaders).length).toBeGreaterThan(0);
      }
    });
  }

  it("Chrome: the refused request's error text does not count as an answer, the others keep theirs", async () => {
    const { exchanges } = await readAll(readFileSync(path.join(DIR, "chrome-mitmproxy-tests.har")));
    expect(exchanges[1]?.url).toBe("https://www.google.com/");
    expect(exchanges[1]?.status).toBeNull();
    expect(exchanges[0]?.responseHeaders["etag"]).toBeDefined();
  });
});
