import { CREATE_REFUSED_CODE, JOIN_REFUSED_CODE } from "@otc/contract";
import { describe, expect, it } from "vitest";
import { isRefusal, rejoinDelayMs, shouldRejoin } from "./rejoin.js";

describe("rejoin policy", () => {
  it("rejoins after a server shutdown or a failed reconnection, not after a deliberate leave or an ended session", () => {
    expect(shouldRejoin(4001)).toBe(true);
    expect(shouldRejoin(4003)).toBe(true);
    expect(shouldRejoin(4000)).toBe(false);
    expect(shouldRejoin(4410)).toBe(false);
  });
  it("backs off from half a second to five seconds", () => {
    expect([0, 1, 2, 3, 4, 10].map(rejoinDelayMs)).toEqual([500, 1000, 2000, 4000, 5000, 5000]);
  });
  it("stops at a refusal", () => {
    expect(isRefusal({ code: JOIN_REFUSED_CODE, message: "This session has ended." })).toBe(true);
    expect(isRefusal({ code: CREATE_REFUSED_CODE, message: "This session has ended." })).toBe(true);
    expect(isRefusal(new TypeError("Failed to fetch"))).toBe(false);
  });
});
