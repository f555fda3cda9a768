// Test helper: a real simulator on a free port, plus small fetch wrappers for the API and the control API.
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../server";

export const TEST_API_KEY = "sim-test-api-key";
export const TEST_HMAC_KEY = "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF";

export interface HttpResult<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface TestSim {
  readonly sim: RunningSimulator;
  api<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<HttpResult<T>>;
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<HttpResult<T>>;
  close(): Promise<void>;
}

async function request<T>(
  url: string,
  method: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<HttpResult<T>> {
  const res = await fetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (HTML page or empty body): keep the text.
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}

export async function startTestSim(overrides: Partial<SimulatorOptions> = {}): Promise<TestSim> {
  const sim = await startSimulator({
    apiKey: TEST_API_KEY,
    hmacKey: TEST_HMAC_KEY,
    port: 0,
    timeScale: 1000,
    ...overrides,
  });
  return {
    sim,
    api: (method, path, body, headers = {}) =>
      request(`${sim.url}${path}`, method, body, { "x-api-key": TEST_API_KEY, ...headers }),
    control: (method, path, body) => request(`${sim.url}${path}`, method, body, {}),
    close: () => sim.close(),
  };
}

/** Polls until `check` returns a value other than undefined; fails after `timeoutMs`. */
export async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
