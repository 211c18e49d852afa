import { PRIVILEGED_ACTIONS } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { can } from "./permissions.js";

describe("can", () => {
  it("lets a facilitator do every privileged action", () => {
    for (const action of PRIVILEGED_ACTIONS) expect(can("facilitator", action)).toBe(true);
  });
  it("lets a co-facilitator moderate and present but not change roles", () => {
    expect(can("co-facilitator", "moderate")).toBe(true);
    expect(can("co-facilitator", "present")).toBe(true);
    expect(can("co-facilitator", "set-role")).toBe(false);
  });
  it("refuses every privileged action to participants and unknown roles", () => {
    for (const action of PRIVILEGED_ACTIONS) {
      expect(can("participant", action)).toBe(false);
      expect(can("admin", action)).toBe(false);
      expect(can("", action)).toBe(false);
    }
  });
});
