// One simulator for a test file (or describe block): started before its first test, closed after its last, and by
// default reset before each test so no test sees another's links, faults or outages.
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { SimulatorOptions } from "../server";
import { startTestSim, type TestSim } from "./sim-harness";

export function simPerSuite(options: Partial<SimulatorOptions> & { resetEachTest?: boolean } = {}): TestSim {
  const { resetEachTest = true, ...overrides } = options;
  let running: TestSim | undefined;
  const current = (): TestSim => {
    if (!running) throw new Error("the test simulator is used outside its suite's tests");
    return running;
  };
  beforeAll(async () => {
    running = await startTestSim(overrides);
  });
  afterAll(() => running?.close());
  if (resetEachTest)
    beforeEach(() =>
      current()
        .control("POST", "/_sim/reset")
        .then(() => undefined),
    );
  return {
    get sim() {
      return current().sim;
    },
    api: (...args) => current().api(...args),
    control: (...args) => current().control(...args),
    close: () => current().close(),
  };
}
