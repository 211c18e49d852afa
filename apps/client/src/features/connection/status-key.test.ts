import { describe, expect, it } from "vitest";
import { statusKey } from "./status-key.js";

describe("the connection status line's words", () => {
  it("offers reloading after an ordinary disconnection, and not to someone removed, whose link was replaced, or whose session ended", () => {
    expect(statusKey("disconnected", null)).toBe("status.disconnected");
    expect(statusKey("disconnected", { key: "notice.rate-limited" })).toBe("status.disconnected");
    for (const key of ["notice.removed", "notice.link-replaced", "notice.session-ended"] as const) expect(statusKey("disconnected", { key })).toBe("status.gone");
    expect(statusKey("connected", { key: "notice.removed" })).toBe("status.connected");
    expect(statusKey("reconnecting", null)).toBe("status.reconnecting");
  });
});
