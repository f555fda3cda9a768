import { describe, expect, it } from "vitest";
import { readSpec } from "../test-support/contracts";
import { SETTINGS_SECTIONS } from "./terminal-settings";

describe("terminal settings sections", () => {
  it("are exactly the properties of Management v3 TerminalSettings", () => {
    const spec = readSpec("ManagementService-v3") as {
      components: { schemas: Record<string, { properties: object }> };
    };
    const properties = Object.keys(spec.components.schemas["TerminalSettings"]?.properties ?? {});
    expect([...SETTINGS_SECTIONS].sort()).toEqual(properties.sort());
  });
});
