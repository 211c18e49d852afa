import { describe, expect, it } from "vitest";
import { closedBy } from "./leave-session.js";

describe("why a page is out of its session", () => {
  it("tells an ended session from a person who left, and neither from a dropped connection", () => {
    expect(closedBy({ status: "disconnected", notice: { key: "notice.session-ended" } })).toBe("ended");
    expect(closedBy({ status: "disconnected", notice: { key: "leave.left" } })).toBe("left");
    expect(closedBy({ status: "disconnected", notice: null })).toBeNull(); // rejoining gave up: no survey, out of VR
    expect(closedBy({ status: "reconnecting", notice: { key: "leave.left" } })).toBeNull();
    expect(closedBy({ status: "disconnected", notice: "plain words" })).toBeNull();
  });
});
